#!/usr/bin/env python3
"""Writes a pair of .resx files (Chinese neutral + English) from 'Key|中文|English' lines on stdin.

Usage: tools/resx.py path/to/Resources/Strings < strings.txt
The .resx files are the source of truth once written; this only saves typing XML by hand.
With --merge, keys already in the files are kept and the new ones added.
"""
import sys, os
from xml.sax.saxutils import escape
import xml.etree.ElementTree as ET

HEAD = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def read(path):
    if not os.path.exists(path):
        return {}
    return {d.get('name'): d.find('value').text or '' for d in ET.parse(path).getroot().findall('data')}

def write(path, entries):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(HEAD)
        for k in sorted(entries):
            f.write(f'  <data name="{escape(k)}" xml:space="preserve"><value>{escape(entries[k])}</value></data>\n')
        f.write('</root>\n')

def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    base = args[0]
    zh, en = {}, {}
    if '--merge' in sys.argv:
        zh, en = read(base + '.resx'), read(base + '.en.resx')
    for line in sys.stdin:
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        key, z, e = line.split('|', 2)
        zh[key.strip()], en[key.strip()] = z.strip(), e.strip()
    write(base + '.resx', zh)
    write(base + '.en.resx', en)

main()

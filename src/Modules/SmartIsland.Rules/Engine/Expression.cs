using System.Globalization;

namespace SmartIsland.Rules.Engine;

/// <summary>
/// The small formula language rule sets are written in, so that a rule reads like the text it encodes:
/// <c>sum(rdExpense, 3) / sum(revenue, 3) &gt;= 5%</c>, <c>revenue &lt;= 5000万</c>.
/// <list type="bullet">
/// <item>Numbers may carry 万 (×10⁴), 亿 (×10⁸) or % (÷100).</item>
/// <item>A name is a yearly figure of the latest year (<c>revenue</c>), of an earlier one (<c>revenue[-1]</c>),
/// or a fact (<c>operatingDays</c>, <c>holds.hnte</c>, a declared <c>hnte.keyField</c>). Booleans are 1 and 0.</item>
/// <item>Operators: <c>or and not</c>, <c>= != &lt; &lt;= &gt; &gt;=</c>, <c>+ - * /</c>.</item>
/// <item>Functions: see <see cref="Functions"/>.</item>
/// </list>
/// Logic is three-valued: an unknown input makes a result unknown (null) unless the answer does not depend on
/// it (<c>false and ?</c> is false). Unknown never becomes a guess.
/// </summary>
public static class Expression
{
    /// <summary>Function names and what they compute (shown with results so the formula can be checked by hand).</summary>
    public static readonly IReadOnlyDictionary<string, string> Functions = new Dictionary<string, string>
    {
        ["sum"] = "sum(x, n): x over the last n years; a company younger than n years uses the years it has operated",
        ["avg"] = "avg(x, n): the average of x over the last n years (operating years only)",
        ["growth"] = "growth(x): x / x[-1] − 1",
        ["avgGrowth"] = "avgGrowth(x): ½·(x[-1]/x[-2] + x/x[-1]) − 1; if x[-2] = 0, x/x[-1] − 1; if x[-1] = 0, 0 (国科发火〔2016〕195号)",
        ["min"] = "min(a, b, …)",
        ["max"] = "max(a, b, …)",
        ["if"] = "if(condition, then, else)",
        ["floor"] = "floor(x)",
        ["ceil"] = "ceil(x)",
        ["step"] = "step(x, t1, p1, t2, p2, …, otherwise): p of the first t with x ≥ t",
    };

    public static Node Parse(string text) => new Parser(text).ParseAll();

    public abstract record Node
    {
        public abstract decimal? Eval(EvalContext c);
    }

    internal sealed record Number(decimal Value) : Node
    {
        public override decimal? Eval(EvalContext c) => Value;
    }

    /// <summary>A yearly figure at an offset from the sheet's year, or a fact when the name is not a yearly figure.</summary>
    internal sealed record Name(string Id, int Offset, bool ExplicitYear) : Node
    {
        public override decimal? Eval(EvalContext c) => c.Lookup(Id, Offset, ExplicitYear);
    }

    internal sealed record Unary(char Op, Node Operand) : Node
    {
        public override decimal? Eval(EvalContext c)
        {
            var v = Operand.Eval(c);
            if (v is null) return null;
            return Op == '-' ? -v : (v == 0 ? 1 : 0);
        }
    }

    internal sealed record Binary(string Op, Node Left, Node Right) : Node
    {
        public override decimal? Eval(EvalContext c)
        {
            switch (Op)
            {
                case "and":
                {
                    var l = Left.Eval(c);
                    if (l == 0) return 0;
                    var r = Right.Eval(c);
                    if (r == 0) return 0;
                    return l is null || r is null ? null : 1;
                }
                case "or":
                {
                    var l = Left.Eval(c);
                    if (l is not null and not 0) return 1;
                    var r = Right.Eval(c);
                    if (r is not null and not 0) return 1;
                    return l is null || r is null ? null : 0;
                }
            }
            var a = Left.Eval(c);
            var b = Right.Eval(c);
            if (a is null || b is null) return null;
            return Op switch
            {
                "+" => a + b,
                "-" => a - b,
                "*" => a * b,
                "/" => b == 0 ? c.DivisionByZero() : a / b,
                "<" => a < b ? 1 : 0,
                "<=" => a <= b ? 1 : 0,
                ">" => a > b ? 1 : 0,
                ">=" => a >= b ? 1 : 0,
                "=" => a == b ? 1 : 0,
                "!=" => a != b ? 1 : 0,
                _ => throw new InvalidOperationException(Op),
            };
        }
    }

    internal sealed record Call(string Function, IReadOnlyList<Node> Args) : Node
    {
        public override decimal? Eval(EvalContext c) => Function switch
        {
            "if" => Args[0].Eval(c) switch
            {
                null => null,
                0 => Args[2].Eval(c),
                _ => Args[1].Eval(c),
            },
            "min" => Fold(c, Math.Min),
            "max" => Fold(c, Math.Max),
            "floor" => Args[0].Eval(c) is { } f ? Math.Floor(f) : null,
            "ceil" => Args[0].Eval(c) is { } g ? Math.Ceiling(g) : null,
            "step" => Step(c),
            "sum" => Window(c, avg: false),
            "avg" => Window(c, avg: true),
            "growth" => Growth(c),
            "avgGrowth" => AverageGrowth(c),
            _ => throw new InvalidOperationException(Function),
        };

        private decimal? Fold(EvalContext c, Func<decimal, decimal, decimal> f)
        {
            decimal? acc = null;
            var unknown = false;
            foreach (var a in Args)
            {
                var v = a.Eval(c);
                if (v is null) unknown = true;
                else acc = acc is null ? v : f(acc.Value, v.Value);
            }
            return unknown ? null : acc;
        }

        private decimal? Step(EvalContext c)
        {
            var x = Args[0].Eval(c);
            if (x is null) return null;
            for (var i = 1; i + 1 < Args.Count; i += 2)
            {
                var t = Args[i].Eval(c);
                if (t is null) return null;
                if (x >= t) return Args[i + 1].Eval(c);
            }
            return Args[^1].Eval(c);
        }

        private string Figure => ((Name)Args[0]).Id;

        /// <summary>高企 指引: "企业注册成立时间不足三年的，按实际经营年限计算" — years before the first operating year are left out.</summary>
        private decimal? Window(EvalContext c, bool avg)
        {
            var years = (int)(Args[1].Eval(c) ?? 1);
            decimal total = 0;
            var counted = 0;
            var unknown = false;
            for (var k = 0; k < years; k++)
            {
                if (!c.Operated(-k)) break;
                var v = c.Lookup(Figure, -k, explicitYear: true);
                if (v is null) unknown = true;
                else total += v.Value;
                counted++;
            }
            if (unknown) return null;
            if (counted == 0) return c.Lookup(Figure, 0, explicitYear: true) is null ? null : 0;
            return avg ? total / counted : total;
        }

        private decimal? Growth(EvalContext c)
        {
            var now = c.Lookup(Figure, 0, true);
            var before = c.Lookup(Figure, -1, true);
            if (now is null || before is null) return null;
            return before == 0 ? c.DivisionByZero() : now / before - 1;
        }

        /// <summary>国科发火〔2016〕195号 附件2: 净资产/销售收入增长率 = ½·(S2/S1 + S3/S2) − 1, with its two zero cases.</summary>
        private decimal? AverageGrowth(EvalContext c)
        {
            var s3 = c.Lookup(Figure, 0, true);
            var s2 = c.Lookup(Figure, -1, true);
            if (s3 is null || s2 is null) return null;
            if (s2 == 0) return 0; // "第二年为0的，按0计算"
            if (!c.Operated(-2)) return s3 / s2 - 1; // operated two years: the one growth it has
            var s1 = c.Lookup(Figure, -2, true);
            if (s1 is null) return null;
            if (s1 == 0) return s3 / s2 - 1; // "第一年为0的，按后两年计算"
            return (s2 / s1 + s3 / s2) / 2 - 1;
        }
    }

    private sealed class Parser(string text)
    {
        private int pos;

        public Node ParseAll()
        {
            var n = Or();
            Skip();
            if (pos < text.Length) throw Error($"unexpected '{text[pos]}'");
            return n;
        }

        private Node Or()
        {
            var l = And();
            while (Word("or")) l = new Binary("or", l, And());
            return l;
        }

        private Node And()
        {
            var l = Not();
            while (Word("and")) l = new Binary("and", l, Not());
            return l;
        }

        private Node Not() => Word("not") ? new Unary('!', Not()) : Compare();

        private Node Compare()
        {
            var l = Sum();
            foreach (var op in new[] { "<=", ">=", "!=", "<", ">", "=" })
            {
                if (Symbol(op)) return new Binary(op, l, Sum());
            }
            return l;
        }

        private Node Sum()
        {
            var l = Product();
            while (true)
            {
                if (Symbol("+")) l = new Binary("+", l, Product());
                else if (Symbol("-")) l = new Binary("-", l, Product());
                else return l;
            }
        }

        private Node Product()
        {
            var l = Atom();
            while (true)
            {
                if (Symbol("*")) l = new Binary("*", l, Atom());
                else if (Symbol("/")) l = new Binary("/", l, Atom());
                else return l;
            }
        }

        private Node Atom()
        {
            Skip();
            if (Symbol("-")) return new Unary('-', Atom());
            if (Symbol("("))
            {
                var inner = Or();
                Expect(")");
                return inner;
            }
            if (pos < text.Length && (char.IsDigit(text[pos]) || text[pos] == '.')) return NumberLiteral();
            if (pos < text.Length && char.IsAsciiLetter(text[pos])) return NameOrCall();
            throw Error(pos < text.Length ? $"unexpected '{text[pos]}'" : "unexpected end");
        }

        private Number NumberLiteral()
        {
            var start = pos;
            while (pos < text.Length && (char.IsDigit(text[pos]) || text[pos] == '.')) pos++;
            var value = decimal.Parse(text[start..pos], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            if (pos < text.Length)
            {
                switch (text[pos])
                {
                    case '万': value *= 10_000m; pos++; break;
                    case '亿': value *= 100_000_000m; pos++; break;
                    case '%': value /= 100m; pos++; break;
                }
            }
            return new Number(value);
        }

        private Node NameOrCall()
        {
            var start = pos;
            while (pos < text.Length && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] is '.' or '_')) pos++;
            var id = text[start..pos];
            if (Symbol("("))
            {
                if (!Functions.ContainsKey(id)) throw Error($"unknown function '{id}'");
                var args = new List<Node>();
                if (!Symbol(")"))
                {
                    do args.Add(Or()); while (Symbol(","));
                    Expect(")");
                }
                Check(id, args);
                return new Call(id, args);
            }
            if (Symbol("["))
            {
                var negative = Symbol("-");
                var n = NumberLiteral();
                Expect("]");
                return new Name(id, (int)(negative ? -n.Value : n.Value), ExplicitYear: true);
            }
            return new Name(id, 0, ExplicitYear: false);
        }

        private void Check(string f, List<Node> args)
        {
            var ok = f switch
            {
                "if" => args.Count == 3,
                "min" or "max" => args.Count >= 1,
                "floor" or "ceil" => args.Count == 1,
                "step" => args.Count >= 2 && args.Count % 2 == 0,
                "sum" or "avg" => args.Count == 2 && args[0] is Name { ExplicitYear: false } && args[1] is Number,
                "growth" or "avgGrowth" => args.Count == 1 && args[0] is Name { ExplicitYear: false },
                _ => false,
            };
            if (!ok) throw Error($"wrong arguments to {f}(): {Functions[f]}");
        }

        private bool Word(string w)
        {
            Skip();
            if (string.CompareOrdinal(text, pos, w, 0, w.Length) != 0) return false;
            var end = pos + w.Length;
            if (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '.' or '_')) return false;
            pos = end;
            return true;
        }

        private bool Symbol(string s)
        {
            Skip();
            if (string.CompareOrdinal(text, pos, s, 0, s.Length) != 0) return false;
            pos += s.Length;
            return true;
        }

        private void Expect(string s)
        {
            if (!Symbol(s)) throw Error($"expected '{s}'");
        }

        private void Skip()
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++;
        }

        private FormatException Error(string what) => new($"{what} at {pos} in \"{text}\"");
    }
}

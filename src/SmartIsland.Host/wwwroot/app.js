// Saves a file the server streams to the page (an error report, an export made in a circuit).
window.smartIsland = {
  download: async function (fileName, streamRef) {
    const buffer = await streamRef.arrayBuffer();
    const url = URL.createObjectURL(new Blob([buffer]));
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName ?? "";
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  }
};

// The public report page, progressively enhanced: works without this script; with it, a phone can fill in
// its position and the page suggests open reports of the same kind nearby (possible duplicates).
(function () {
  const form = document.querySelector("[data-testid=report-form]");
  if (!form) return;
  const lat = document.getElementById("latitude");
  const lon = document.getElementById("longitude");
  const kind = document.getElementById("kind");
  const locate = document.getElementById("locate");
  const nearby = document.getElementById("nearby");

  if (navigator.geolocation && locate) {
    locate.hidden = false;
    locate.addEventListener("click", () => navigator.geolocation.getCurrentPosition(p => {
      lat.value = p.coords.latitude.toFixed(6);
      lon.value = p.coords.longitude.toFixed(6);
      suggest();
    }));
  }

  async function suggest() {
    const la = parseFloat(lat.value), lo = parseFloat(lon.value);
    if (!kind.value || isNaN(la) || isNaN(lo)) { nearby.hidden = true; return; }
    const url = `/api/public/cases/nearby?kind=${encodeURIComponent(kind.value)}&lat=${la}&lon=${lo}`;
    try {
      const response = await fetch(url, { headers: { "Accept": "application/json" } });
      if (!response.ok) return;
      const items = await response.json();
      nearby.replaceChildren();
      if (items.length === 0) { nearby.hidden = true; return; }
      const title = document.createElement("p");
      title.textContent = nearby.dataset.title;
      nearby.append(title);
      const list = document.createElement("ul");
      for (const item of items) {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = `/track/${item.trackingCode}`;
        a.textContent = item.trackingCode;
        li.append(a, ` · ${item.categoryName} · ${nearby.dataset.far.replace("{0}", item.metres)} · ${nearby.dataset.follow}`);
        list.append(li);
      }
      nearby.append(list);
      nearby.hidden = false;
    } catch { /* suggestions are a help, never a blocker */ }
  }

  for (const el of [lat, lon, kind]) el.addEventListener("change", suggest);

  // Photos over the limits are stopped here, before a long upload on a phone connection (the server checks again).
  const photos = document.getElementById("photos");
  const photoError = document.getElementById("photo-error");
  photos?.addEventListener("change", () => {
    const files = Array.from(photos.files);
    const total = files.reduce((sum, f) => sum + f.size, 0);
    const tooBig = files.length > 6 || files.some(f => f.size > 10 * 1024 * 1024) || total > 25 * 1024 * 1024;
    photos.setCustomValidity(tooBig ? photoError.textContent : "");
    photoError.hidden = !tooBig;
  });
})();

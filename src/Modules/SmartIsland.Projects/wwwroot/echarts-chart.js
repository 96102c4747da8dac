// Draws an ECharts option into an element (the dashboard, site-review histories) with the build the app serves itself (wwwroot/lib/echarts, no CDN).
let loading;

function loadECharts() {
  if (window.echarts) return Promise.resolve();
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "/lib/echarts/echarts.min.js";
    script.onload = resolve;
    script.onerror = () => { loading = undefined; reject(new Error("echarts.min.js did not load")); };
    document.head.appendChild(script);
  });
  return loading;
}

export async function render(element, option) {
  await loadECharts();
  const chart = window.echarts.getInstanceByDom(element) ?? window.echarts.init(element);
  chart.setOption(option, true);
  if (!element.siResize) {
    element.siResize = () => chart.resize();
    window.addEventListener("resize", element.siResize);
  }
}

export function dispose(element) {
  if (!element || !window.echarts) return;
  if (element.siResize) window.removeEventListener("resize", element.siResize);
  window.echarts.getInstanceByDom(element)?.dispose();
}

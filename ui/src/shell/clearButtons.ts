// The “×” that clears a date picker or a select is a button, so Tab stopped on it and Space then wiped
// the value the user had just tabbed past. Keep those buttons out of the tab order (the mouse still
// uses them; a keyboard user clears by editing the field) and label them in the UI's language.
const SELECTOR = ".ant-picker-clear, .ant-select-clear";

function fix(el: Element, label: string) {
  if (el.getAttribute("tabindex") !== "-1") el.setAttribute("tabindex", "-1");
  if (el.getAttribute("aria-label") !== label) el.setAttribute("aria-label", label);
}

/** Applies to the clear buttons under `root` now and as they appear; returns the stop function. */
export function keepClearButtonsOutOfTabOrder(root: HTMLElement, label: string): () => void {
  root.querySelectorAll(SELECTOR).forEach((el) => fix(el, label));
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      r.addedNodes.forEach((n) => {
        if (!(n instanceof Element)) return;
        if (n.matches(SELECTOR)) fix(n, label);
        n.querySelectorAll(SELECTOR).forEach((el) => fix(el, label));
      });
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}

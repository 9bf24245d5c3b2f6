"""What the pages ``serve`` shows hear from it: the script it adds to each page on the way out,
and the messages that script listens for (which pages to reload, which problems to show)."""

from __future__ import annotations

import threading
from collections import Counter

# Added to every served page: reload when a rebuild changed this page, and show the problems of
# a save that does not build over the last good page. Problems are set as text, never as markup.
RELOAD_SCRIPT = b"""<script>
(() => {
  let here = location.pathname;
  if (here.endsWith("/")) here += "index.html";
  const show = (errors) => {
    let box = document.getElementById("wwc-press-errors");
    if (!errors.length) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "wwc-press-errors";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0 0 auto 0;max-height:70vh;overflow:auto;" +
        "z-index:2147483647;background:#fff5f5;color:#8a1c14;border-bottom:4px solid #b3261e;" +
        "font:13px/1.5 ui-monospace,monospace;padding:12px 16px;white-space:pre-wrap;" +
        "box-shadow:0 2px 12px rgba(0,0,0,.25)";
      document.body.append(box);
    }
    box.textContent = "The last save does not build; below it, the last good page.\\n\\n" +
      errors.join("\\n");
  };
  const events = new EventSource("/__events?page=" + encodeURIComponent(here));
  events.onmessage = (event) => {
    const message = JSON.parse(event.data);
    show(message.errors);
    if (!message.errors.length && message.reload.includes(here)) location.reload();
  };
})();
</script>
"""


class Live:
    """What the open pages hear: which pages to reload, and the problems to show over them."""

    def __init__(self) -> None:
        self.condition = threading.Condition()
        self.version = 0
        self.messages: list[tuple[int, dict]] = []
        self.errors: list[str] = []
        self.open: Counter[str] = Counter()

    def tell(self, reload: list[str], errors: list[str] | None = None) -> None:
        with self.condition:
            self.errors = errors or []
            self.version += 1
            self.messages = [*self.messages[-99:], (self.version, {"reload": sorted(set(reload)),
                             "errors": self.errors})]  # fmt: skip
            self.condition.notify_all()

    def since(self, version: int, timeout: float) -> tuple[int, list[dict]]:
        """The messages after ``version``, waiting up to ``timeout`` for one."""
        with self.condition:
            self.condition.wait_for(lambda: self.version != version, timeout=timeout)
            return self.version, [m for v, m in self.messages if v > version]

    def pages(self) -> list[str]:
        with self.condition:
            return [page for page, count in self.open.items() if count > 0]

"""The formats a press office sends besides the PDF and the HTML page, each a writer of its own:
Word to edit (``word``), wire text (``wire``), e-mail (``mail``) and social cards (``cards``).
Each is written from the rendered HTML page of its output (``page``), so the templates stay the
one source of wording."""

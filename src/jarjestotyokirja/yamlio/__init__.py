"""All YAML goes through here: one strict loader (:mod:`.loader`) and one deterministic dumper (:mod:`.dumper`).

The loader reads every scalar as the string it looks like (``no``, ``005``, ``1:30`` and
``2024-01-05`` stay text; the schema decides what a value means), and refuses what a hand-edited or
hostile file can smuggle in: anchors and aliases (the "billion laughs" file), tags, duplicate keys,
unresolved git conflict markers, huge or deeply nested files. Every node keeps its line number, so
schema errors can name the line.

The dumper writes keys in the given order, multi-line text as literal blocks, Unicode unescaped and
no line wrapping, so that the same data always gives the same bytes.
"""

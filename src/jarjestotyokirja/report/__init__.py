"""The municipality's development plan (*järjestöyhteistyön kehittämissuunnitelma*) as Markdown,
HTML and PDF, and the machinery other documents reuse.

* :mod:`.context`: ``build_context(workbook, answers)``, the one plain dict every template sees.
* :mod:`.render`: the sandboxed Jinja environments, per-format escaping, ``render_template``.
* :mod:`.pdf`: ``compile_pdf(typst_source, ...)`` with Typst: fixed fonts, date and root, no network.
* :mod:`.build`: one answers file → the report files; :mod:`.batch`: many files, in worker processes.
"""

"""The words mvi-xl knows, by purpose.

- ``terms``: the domain (fields, the four statuses, signals) and the keys names are matched on;
- ``synonyms``: how registers spell things;
- ``colours``: status and house colours;
- ``labels`` and the ``*_messages`` modules: what users read, in English (the gettext msgids);
- ``i18n``: ``Words(lang)``, ``message()``, ``Phrase``, and the catalogues that translate them
  (``mvi_xl/locale/<lang>/LC_MESSAGES/mvi_xl.po``, compiled to ``.mo``);
- ``command_line``: the language of the command line, click's own words included.
"""

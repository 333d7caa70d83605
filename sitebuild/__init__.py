"""The site's build: its MkDocs plugin (plugin.py) and Markdown extension (markdown.py)."""

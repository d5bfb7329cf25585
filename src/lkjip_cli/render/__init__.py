"""Rendering: Report and narratives → blocks → Markdown, HTML, DOCX, PDF."""

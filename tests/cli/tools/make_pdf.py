#!/usr/bin/env python3
"""Writes a PDF report from a plain-text file, for the ingest tests: make_pdf.py IN.txt OUT.pdf TITLE.

Paragraphs are the input's blocks separated by blank lines, typeset with ReportLab (Debian's
python3-reportlab) in DejaVu Sans so any UTF-8 text prints; each paragraph is kept on one page,
so a page break falls between paragraphs. TITLE goes into the document information.
"""
import sys
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate

source, target, title = sys.argv[1], sys.argv[2], sys.argv[3]
pdfmetrics.registerFont(TTFont("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
style = ParagraphStyle("body", fontName="DejaVuSans", fontSize=11, leading=14, spaceAfter=10)
with open(source, encoding="utf-8") as handle:
    blocks = [" ".join(block.split()) for block in handle.read().split("\n\n")]
story = [KeepTogether([Paragraph(escape(block), style)]) for block in blocks if block]
SimpleDocTemplate(target, pagesize=A4, title=title, author="Skein tests").build(story)

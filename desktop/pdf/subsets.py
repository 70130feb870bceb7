"""Font subsets made and compressed once per glyph set, not once per PDF.

reportlab embeds a TrueType font as subsets of at most 256 glyphs, each a
small font file built from the full one (`TTFontFace.makeSubset`) and then
deflated with the rest of the document. Two summaries in the same language
draw mostly the same glyphs, so they embed the same subsets, byte for byte:
building and deflating them again was about 7% of an Urdu summary
(Nastaliq's subsets are large). Here each face keeps the subsets it has
made, deflated once, and a document gets them ready to write; what the PDF
holds does not change.
"""
from __future__ import annotations

from collections import OrderedDict

from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import TTFont

# Subsets kept per face; the least recently used goes first. A summary
# embeds one or two subsets of each font it uses, and the Latin ones differ
# between languages (each document numbers its glyphs in the order it first
# draws them), so this holds a client's summaries in all six languages on
# both papers. A subset is 18-45 KB and 11-23 KB deflated: those twelve
# summaries keep 0.9 MB in all; full, the ten faces would keep ~5.5 MB.
MAX_SUBSETS_PER_FACE = 12


class _Subset:
    __slots__ = ("raw", "deflated")

    def __init__(self, raw: bytes):
        self.raw = raw
        self.deflated: bytes | None = None


def embed_once(font: TTFont) -> None:
    """Make `font` embed each of its subsets from a per-face cache."""
    face = font.face
    if "addSubsetObjects" in vars(face):
        return
    cache: OrderedDict[tuple[int, ...], _Subset] = OrderedDict()
    face.rw_subsets = cache  # read by tests and the memory figure
    make = face.makeSubset
    add = face.addSubsetObjects

    def subset_of(subset) -> _Subset:
        key = tuple(subset)
        hit = cache.get(key)
        if hit is None:
            hit = cache[key] = _Subset(make(subset))
            if len(cache) > MAX_SUBSETS_PER_FACE:
                cache.popitem(last=False)
        else:
            cache.move_to_end(key)
        return hit

    def make_subset(subset) -> bytes:
        return subset_of(subset).raw

    def add_subset_objects(doc, fontname, subset):
        descriptor = add(doc, fontname, subset)  # builds the font file with make_subset
        if doc.compression:
            sub = subset_of(subset)
            if sub.deflated is None:
                sub.deflated = pdfdoc.PDFZCompress.encode(sub.raw)
            stream = doc.idToObject[doc.idToObject[descriptor.name].dict["FontFile2"].name]
            # A stream whose dictionary already names its filter is written
            # as it is (PDFStream.format): the bytes reportlab's filter makes.
            stream.content = sub.deflated
            stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName(pdfdoc.PDFZCompress.pdfname)])
        return descriptor

    face.makeSubset = make_subset
    face.addSubsetObjects = add_subset_objects

"""Tests for eventlake._ingest_near: near-duplicate articles are linked, different ones are not."""

from __future__ import annotations

import re
import zlib

import numpy as np
import pyarrow as pa

from eventlake._ingest_near import (
    _PERMUTATIONS,
    _PRIME,
    BUCKET_ROWS,
    SIGNATURES,
    NearIndex,
    link_near_duplicates,
    sign_articles,
)
from eventlake.arabic import normalize_key

STORY = (
    "قصفت قوات النظام بالمدفعية الثقيلة أطراف مدينة سراقب صباح الثلاثاء، ما أسفر عن مقتل ثلاثة مدنيين "
    "وإصابة آخرين بجروح متفاوتة، بحسب ما أفاد به ناشطون محليون. وأضاف الناشطون أن القصف استهدف منازل "
    "سكنية وأرضاً زراعية قرب الطريق العام، وأن فرق الدفاع المدني هرعت إلى المكان لإسعاف الجرحى."
)
WIRE_COPY = "سراقب (وكالة الشمال): " + STORY + " وتشهد المنطقة تصعيداً منذ أسابيع."
RESPELT = STORY.replace("أطراف", "اطراف").replace("إسعاف", "اسعاف").replace("الثقيلة", "الثقيله")
OTHER = (
    "انفجرت عبوة ناسفة بسيارة مدنية على طريق زراعي جنوب إدلب صباح الخميس، ما أدى إلى مقتل سائقها "
    "وإصابة شخصين آخرين، وفق مصادر محلية، ولم تتبنّ أي جهة التفجير حتى الآن."
)


def signed(**texts: str) -> pa.Table:
    return sign_articles(pa.table({"article_id": list(texts), "text": list(texts.values())}))


def pairs(links: pa.Table) -> list[tuple[str, str]]:
    return list(zip(links.column("article_id").to_pylist(), links.column("near_article_id").to_pylist(), strict=True))


def test_wire_copy_on_another_site_is_linked_to_the_lake_article():
    links = link_near_duplicates(signed(site_b=WIRE_COPY), signed(site_a=STORY))
    assert pairs(links) == [("site_a", "site_b")]


def test_wire_copy_in_the_same_batch_is_linked():
    assert pairs(link_near_duplicates(signed(x=STORY, y=WIRE_COPY), SIGNATURES.empty_table())) == [("x", "y")]


def test_spelling_variants_of_alef_and_ta_marbuta_do_not_hide_a_copy():
    (similarity,) = link_near_duplicates(signed(b=RESPELT), signed(a=STORY)).column("similarity").to_pylist()
    assert similarity == 1.0


def test_different_stories_are_not_linked():
    assert link_near_duplicates(signed(b=OTHER), signed(a=STORY)).num_rows == 0


def test_an_article_is_never_linked_to_its_own_stored_signature():
    assert link_near_duplicates(signed(a=STORY), signed(a=STORY)).num_rows == 0


def test_signatures_are_the_same_in_every_run():
    assert signed(a=STORY).column("signature").to_pylist() == signed(a=STORY).column("signature").to_pylist()


def first_defined_signature(text: str) -> bytes:
    """The signature as first defined (words joined, each shingle encoded and hashed): a faster way
    of computing it must give the same values, or a lake's stored signatures would stop matching."""
    words = re.findall(r"\w+", normalize_key(text))
    size = min(5, len(words)) or 1
    shingles = {" ".join(words[k : k + size]) for k in range(max(len(words) - size + 1, 1))}
    hashes = np.array([zlib.crc32(s.encode("utf-8")) for s in shingles], dtype=np.uint64)
    a, b = _PERMUTATIONS
    return ((a[:, None] * hashes[None, :] + b[:, None]) % _PRIME).min(axis=1).astype("<u4").tobytes()


def test_signatures_are_the_minhash_stored_lakes_hold():
    long_word = "ب" * 200  # 400 bytes: past the CRC tables, so that shingle takes the slow path
    texts = {
        "story": STORY,
        "wire": WIRE_COPY,
        "other": OTHER,
        "long_word": f"قصف {long_word} على أطراف المدينة صباح اليوم",
        "four_words": "قصف مدفعي على سراقب",
        "one_word": "عاجل",
        "empty": "",
        "mixed": "Reuters ١٢ 2024 قتلى_وجرحى Ça",
        # marks, tatweel, a ligature that folds to two letters (the per-character path), a
        # character past the BMP, quotes, and lines: the words are the matching form's
        "marks": "قُتِلَ ثلاثــة مدنيين «بقصفٍ»\nعلى ﻻذقية 🙂 و\u200fالرقة_2 - ٣٠",
        "long_marks": "قَصفٌ مدفعيّ على أطراف المدينة، " * 12,
    }
    got = signed(**texts).column("signature").to_pylist()
    assert got == [first_defined_signature(text) for text in texts.values()]


def test_an_empty_batch_has_no_signatures():
    assert signed() == SIGNATURES.empty_table()


def test_signature_of_an_empty_text_is_still_a_signature():
    assert len(signed(a="").column("signature")[0].as_py()) == 256


def test_briefs_of_different_events_from_one_template_are_not_linked():
    brief = "قصفت قوات النظام بالمدفعية الثقيلة أطراف {place} صباح الثلاثاء، ما أسفر عن مقتل {n} مدنيين وإصابة آخرين."
    one, two = brief.format(place="بلدة كفرنبل", n="ثلاثة"), brief.format(place="مدينة الرستن", n="خمسة")
    assert link_near_duplicates(signed(b=two), signed(a=one)).num_rows == 0


def briefs() -> dict[str, str]:
    """Stories, their copies and template briefs: linked pairs, candidates that fall short, strangers."""
    brief = "قصفت قوات النظام بالمدفعية الثقيلة أطراف {place} صباح الثلاثاء، ما أسفر عن مقتل {n} مدنيين وإصابة آخرين."
    texts = {"story": STORY, "wire": WIRE_COPY, "respelt": RESPELT, "other": OTHER, "other_copy": OTHER + " (تحديث)"}
    for k, (place, n) in enumerate([("بلدة كفرنبل", "ثلاثة"), ("مدينة الرستن", "خمسة"), ("بلدة كفرنبل", "ثلاثة")]):
        texts[f"brief{k}"] = brief.format(place=place, n=n)
    return texts


def linked_in_batches(index: NearIndex, texts: dict[str, str], size: int) -> list[tuple[str, str, float]]:
    table = signed(**texts)
    found = []
    for start in range(0, table.num_rows, size):
        links = index.link(table.slice(start, size))
        columns = (links.column(c).to_pylist() for c in ("article_id", "near_article_id", "similarity"))
        found += zip(*columns, strict=True)
    return sorted(found)


def test_links_are_the_same_whether_signatures_wait_in_memory_or_were_moved_to_files(tmp_path):
    texts = briefs()
    in_memory = linked_in_batches(NearIndex(SIGNATURES.empty_table()), texts, 2)
    spilled = linked_in_batches(NearIndex(SIGNATURES.empty_table(), spill_dir=tmp_path, spill_rows=1), texts, 2)
    assert spilled == in_memory


def test_links_found_across_batches_are_those_of_one_batch():
    texts = briefs()
    one_batch = linked_in_batches(NearIndex(SIGNATURES.empty_table()), texts, len(texts))
    assert linked_in_batches(NearIndex(SIGNATURES.empty_table(), spill_rows=3), texts, 3) == one_batch


def test_a_known_table_larger_than_memory_holds_is_indexed_whole(tmp_path):
    known = signed(a=STORY, b=OTHER, c=briefs()["brief1"])
    index = NearIndex(known, spill_dir=tmp_path, spill_rows=1)
    assert (len(index), pairs(index.link(signed(z=WIRE_COPY)))) == (3, [("a", "z")])


def test_the_index_leaves_no_file_in_its_directory(tmp_path):
    index = NearIndex(signed(a=STORY, b=OTHER), spill_dir=tmp_path, spill_rows=1)
    index.link(signed(z=WIRE_COPY))
    assert list(tmp_path.iterdir()) == []


def copies(count: int) -> dict[str, str]:
    """The story and `count` copies of it, each with its own number: every pair is near enough to link."""
    return {"c000": STORY} | {f"c{k:03d}": f"{STORY} ({k})" for k in range(1, count + 1)}


def test_links_past_the_bucket_limit_do_not_depend_on_how_the_articles_were_cut_into_batches():
    texts = copies(3 * BUCKET_ROWS)
    one_batch = linked_in_batches(NearIndex(SIGNATURES.empty_table()), texts, len(texts))
    assert linked_in_batches(NearIndex(SIGNATURES.empty_table(), spill_rows=5), texts, 3) == one_batch
    assert linked_in_batches(NearIndex(SIGNATURES.empty_table()), texts, 1) == one_batch


def test_a_copy_past_the_bucket_limit_is_still_linked_to_the_first_copies_and_no_more():
    texts = copies(2 * BUCKET_ROWS)
    last = max(texts)
    found = linked_in_batches(NearIndex(SIGNATURES.empty_table()), texts, 10)
    partners = sorted(a for a, b, _ in found if b == last)
    assert partners[0] == "c000" and len(partners) < len(texts) - 1

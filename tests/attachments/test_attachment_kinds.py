"""A file's kind comes from its bytes, never its name; its names are made safe."""

import pytest

from app.attachments import storage

from .samples import accepted, image, ole, ooxml, plain_zip


@pytest.mark.parametrize("name", sorted(accepted()))
def test_every_accepted_kind_is_recognised_from_its_bytes(name):
    data, content_type = accepted()[name]
    kind = storage.detect(data)
    assert kind is not None and kind.content_type == content_type


@pytest.mark.parametrize(
    "data",
    [
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00",  # a Windows program
        plain_zip(),
        ooxml("docx", "application/vnd.ms-word.document.macroEnabled.main+xml"),
        ole("PowerPoint Document"),
        b"\x00\x01\x02binary",
        b"text with a NUL\x00 in it",
        b"caf\xe9 is Latin-1, not UTF-8",
        b"PK\x03\x04 but not really a zip",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 a truncated compound file",
        b"",
    ],
    ids=[
        "program",
        "zip",
        "macro-enabled-word",
        "powerpoint-97",
        "binary",
        "text-with-nul",
        "latin-1",
        "broken-zip",
        "broken-ole",
        "empty",
    ],
)
def test_other_files_are_refused(data):
    assert storage.detect(data) is None


def test_text_in_utf8_with_a_byte_order_mark_is_csv():
    assert storage.detect("\ufeffname,amount\nÆsop,3\n".encode()) == storage.CSV


def test_a_download_name_always_ends_as_its_kind_does():
    assert storage.download_name("letter.PDF", storage.PDF) == "letter.PDF"
    assert storage.download_name("evil.html", storage.CSV) == "evil.html.csv"
    assert storage.download_name("photo", storage.JPEG) == "photo.jpg"


def test_a_name_loses_its_folders_and_control_characters():
    assert storage.clean_name("../../etc/passwd") == "passwd"
    assert storage.clean_name("C:\\Users\\sam\\letter.pdf") == "letter.pdf"
    assert storage.clean_name("a\x00b\r\nc\u202e.pdf") == "abc.pdf"
    assert storage.clean_name("") == "attachment"
    long = storage.clean_name("x" * 400 + ".pdf")
    assert len(long) == 255 and long.endswith(".pdf")


def test_cited_ids_are_read_from_evidence_lists_at_any_depth():
    document = {
        "evidence": [{"attachment": "12"}, {"attachment": 3}, {"attachment": None}, {}],
        "payment_by_results": {"evidence": "a text, not a list"},
        "need": {"evidence": [{"attachment": " 7 "}, "not an item", {"attachment": True}]},
    }
    assert storage.cited_ids(document) == {3, 7, 12}


def test_image_bytes_decide_even_when_the_name_says_otherwise():
    assert storage.detect(image("GIF")) == storage.GIF

import pytest

from vnplan.text.vietnamese import is_valid_syllable, looks_vietnamese, strip_marks, syllables

from conftest import CLEAN_IDS, DOC_IDS, corpus_text


@pytest.mark.parametrize(
    "word",
    ["người", "nghèo", "quốc", "giữa", "gì", "khuya", "thuở", "Ủy", "ĐỘC", "nghiêng", "xã", "hoàn", "Hòa", "Hoà", "yêu", "oong"],
)
def test_valid_syllables(word):
    assert is_valid_syllable(word)


@pytest.mark.parametrize(
    "word",
    # English-model OCR junk from seeds 001/002, and impossible tone/coda pairs.
    ["ctia", "x4", "1ap", "ngwoi", "thdng", "nwéc", "khàc", "hoc̀", "Tw", "chirc", "stra", "Djc", "", "UBND"],
)
def test_invalid_syllables(word):
    assert not is_valid_syllable(word)


def test_syllables_are_runs_of_letters_and_digits():
    assert syllables("Quyết định số 1258/QĐ-TTg ngày 21/8/2017") == [
        "Quyết", "định", "số", "1258", "QĐ", "TTg", "ngày", "21", "8", "2017"
    ]


def test_strip_marks():
    assert strip_marks("Đảng Cộng sản Việt Nam") == "Dang Cong san Viet Nam"


@pytest.mark.parametrize("doc_id", DOC_IDS)
def test_only_clean_seeds_look_vietnamese(doc_id):
    assert looks_vietnamese(corpus_text(doc_id)) == (doc_id in CLEAN_IDS)

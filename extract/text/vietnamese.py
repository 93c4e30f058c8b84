"""The Vietnamese writing system: syllables, tone marks and what counts as valid.

Owns the small, closed facts every stage needs: how to split text into syllables (runs of
letters and digits, the unit of the syllable error rate), how to strip marks, and whether a
syllable is a well-formed Vietnamese syllable (onset + rhyme + a tone the rhyme allows).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

SYLLABLE_RE = re.compile(r"[^\W_]+", re.UNICODE)

_TONE_MARKS = {"\u0300": "huyen", "\u0301": "sac", "\u0303": "nga", "\u0309": "hoi", "\u0323": "nang"}
# Combining marks that belong to the letter, not the tone: breve, circumflex, horn.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}

_ONSETS = sorted(
    "b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x".split(),
    key=len,
    reverse=True,
)

_RHYMES = frozenset(
    """
    a ac ach ai am an ang anh ao ap at au ay
    ă ăc ăm ăn ăng ăp ăt
    â âc âm ân âng âp ât âu ây
    e ec em en eng eo ep et
    ê êch êm ên ênh êp êt êu
    i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
    o oa oac oach oai oam oan oang oanh oao oap oat oay oc oe oen oeo oet oi om on ong oong op ot
    oăc oăm oăn oăng oăt
    ô ôc ôi ôm ôn ông ôp ôt
    ơ ơi ơm ơn ơp ơt
    u ua uc ui um un ung up ut
    uân uâng uât uây
    uê uêch uênh uêu
    uôc uôi uôm uôn uông uôt
    uơ
    uy uya uych uyên uyêt uynh uyp uyt uyu
    ư ưa ưc ưi ưm ưn ưng ưt ưu
    ươc ươi ươm ươn ương ươp ươt ươu
    y yêm yên yêng yêt yêu
    """.split()
)
_STOP_CODAS = ("c", "ch", "p", "t")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def syllables(text: str) -> list[str]:
    """Syllables as the error rate counts them: runs of letters and digits, NFC, case kept."""
    return SYLLABLE_RE.findall(nfc(text))


def strip_marks(text: str) -> str:
    """Remove every diacritic (tone and letter marks); đ becomes d."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return bare.replace("đ", "d").replace("Đ", "D")


def split_tone(syllable: str) -> tuple[str, str | None, int]:
    """(syllable without its tone, tone name or None, number of tone marks found)."""
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [c for c in decomposed if c in _TONE_MARKS]
    base = nfc("".join(c for c in decomposed if c not in _TONE_MARKS))
    return base, (_TONE_MARKS[tones[0]] if tones else None), len(tones)


def has_vietnamese_marks(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word)
    return "đ" in word.lower() or any(c in _TONE_MARKS or c in _LETTER_MARKS for c in decomposed)


@lru_cache(maxsize=65536)
def is_valid_syllable(word: str) -> bool:
    """True when `word` is a well-formed Vietnamese syllable (any case)."""
    w = word.lower()
    if not w or not w.isalpha():
        return False
    base, tone, n_tones = split_tone(w)
    if n_tones > 1:
        return False
    for onset in _ONSETS + [""]:
        if not base.startswith(onset):
            continue
        rhyme = base[len(onset):]
        if onset == "gi" and (rhyme == "" or rhyme[0] not in "aăâeêoôơuưy"):
            # "gì", "gìn": the i is the vowel, onset is g
            continue
        if onset == "qu" and rhyme.startswith(("u", "o")):
            continue
        if rhyme in _RHYMES or (onset == "g" and "i" + rhyme in _RHYMES) or (
            onset == "gi" and rhyme in {"a", "ê", "êc", "êm", "ên", "êng", "êt", "êu", "ư", "ưa"}
        ):
            if rhyme.endswith(_STOP_CODAS) and tone not in ("sac", "nang"):
                return False
            return True
    return False


_BARE_RHYMES = frozenset(strip_marks(r) for r in _RHYMES) | {"ia", "ua", "uo", "uong"}
_BARE_ONSETS = sorted({strip_marks(o) for o in _ONSETS}, key=len, reverse=True)


@lru_cache(maxsize=65536)
def is_valid_skeleton(word: str) -> bool:
    """True when `word` with every mark stripped could be a Vietnamese syllable ("nguoi", "ngheo").

    Text whose marks were lost (English-model OCR, ASCII typing) still passes; English words
    such as "plan", "shall", "report" do not.
    """
    w = strip_marks(word.lower())
    if not w.isalpha() or not w.isascii():
        return False
    return any(w.startswith(o) and w[len(o):] in _BARE_RHYMES for o in _BARE_ONSETS + [""])


def vietnamese_share(text: str) -> tuple[float, float]:
    """(share of alphabetic syllables that are valid Vietnamese, share that carry marks)."""
    words = [w for w in syllables(text) if w.isalpha()]
    if not words:
        return 0.0, 0.0
    valid = sum(is_valid_syllable(w) for w in words)
    marked = sum(has_vietnamese_marks(w) for w in words)
    return valid / len(words), marked / len(words)


def looks_vietnamese(text: str, min_words: int = 5) -> bool:
    """A text layer worth keeping: mostly valid syllables, and marks where Vietnamese has them.

    Running Vietnamese marks about half its syllables; English-model OCR of Vietnamese keeps few
    marks and many invalid syllables, so both shares are checked.
    """
    words = [w for w in syllables(text) if w.isalpha()]
    if len(words) < min_words:
        return False
    valid, marked = vietnamese_share(text)
    return valid >= 0.85 and marked >= 0.25


def skeleton_share(text: str) -> float:
    """Share of alphabetic syllables that could be Vietnamese once marks are ignored."""
    words = [w for w in syllables(text) if w.isalpha()]
    return sum(is_valid_skeleton(w) for w in words) / len(words) if words else 0.0

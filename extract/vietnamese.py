"""Old import path of the Vietnamese writing-system facts; they live in `extract.text.vietnamese`."""

from extract.text.vietnamese import *  # noqa: F401,F403
from extract.text.vietnamese import SYLLABLE_RE, is_valid_skeleton, is_valid_syllable, split_tone  # noqa: F401

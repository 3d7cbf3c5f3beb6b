"""Notes shown beside a picture: a sentence and how loudly to say it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Note:
    """A sentence the page shows in a box beside a picture.

    Attributes
    ----------
    level : ``info`` (something worth knowing about this view) or ``warning`` (the numbers
        are fragile or the picture cannot show everything).
    text : the sentence, in Markdown.
    """

    level: Literal["info", "warning"]
    text: str

"""The English texts of the catalogue (names as in :mod:`jarjestotyokirja.messages.codes`), translated by jtk, in three modules by area.

A value is the message, or a pair (message, hint) when the message comes with advice: the command line
prints the hint on its own line. ``{name}`` fields are filled by ``str.format``; ``{name!q}`` puts the
value in quotation marks (“like this”) with control characters shown as U+XXXX, and ``{name!v}`` only
writes control characters out. The names, shapes and fields are those of the Finnish texts (:mod:`..fi`).
"""

from jarjestotyokirja.messages.en.input import *  # noqa: F403
from jarjestotyokirja.messages.en.output import *  # noqa: F403
from jarjestotyokirja.messages.en.screens import *  # noqa: F403

"""The Swedish texts of the catalogue (names as in :mod:`jarjestotyokirja.messages.codes`), translated by jtk.

The same names, shapes and ``{fields}`` as :mod:`jarjestotyokirja.messages.fi`, in the same three modules;
Swedish as used in Finland's public administration (Finlandssvenska). Commands, options, keys, YAML keys
and ids, file names and environment variables stay as the user types them. A name missing here would fall
back to Finnish (tests/messages/test_catalogue_sv.py checks that none is missing).
"""

from jarjestotyokirja.messages.sv.input import *  # noqa: F403
from jarjestotyokirja.messages.sv.output import *  # noqa: F403
from jarjestotyokirja.messages.sv.screens import *  # noqa: F403

"""The interview (``jtk interview``): ``engine`` decides what to ask, ``session`` saves and keeps drafts,
``terminal`` and ``screens`` are the keyboard and the screen."""

"""Plotly plumbing shared by every figure module.

- :mod:`.theme`: the app's look (Okabe-Ito roles, projector fonts, light/dark, margins);
- :mod:`.spec`: figures as plotly JSON (typed arrays, prebuilt figures);
- :mod:`.animation`: Play/Pause/scrub controls and the one frame interval;
- :mod:`.memo`: memoising figures by their builder's arguments.
"""

"""What several topics use, written once and tested once (numpy only, no drawing, no Streamlit).

- :mod:`.numbers`: how a number reads, in prose and in LaTeX (the one formatter);
- :mod:`.matrix2`: small-matrix facts (determinant, rank, inverse, subspaces) and the
  eigen-structure and SVD of a 2x2 matrix: the transform pages, and later Hessians,
  covariances and a network's 2x2 weights;
- :mod:`.geometry`: plane geometry for pictures (matrices applied to points, grid strokes,
  arcs, circles, arrows, spans);
- :mod:`.notes`: notes shown beside a picture;
- :mod:`.expressions`: typed formulas read safely, text in, a tree or error out (calculus, GD).
"""

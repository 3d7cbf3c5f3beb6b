"""Linear algebra: /linear-algebra, /eigenvectors-svd and /vectors.

Shared with other topics, in :mod:`mathviz.core`: :mod:`~mathviz.core.matrix2` (determinant,
rank, inverse, the one 2x2 eigen solver, the closed-form SVD) and
:mod:`~mathviz.core.geometry` (matrices applied to points, grids, arrows, circles).

Maths (numpy only), by lesson:

- :mod:`.transform`: where /linear-algebra's matrices come from (entries, presets, named
  steps and their composition); :mod:`.morph`: paths from I to A and the animations;
  :mod:`.scene`: what the transform view draws; :mod:`.cube`: the 3x3 matrix on the cube;
- :mod:`.eigen`: /eigenvectors-svd's presets and the I -> A morph; :mod:`.power`: power
  iteration; :mod:`.svd`: A = UΣVᵀ in three stages; :mod:`.pca`: a cloud's principal axes;
- :mod:`.vectors`: dot product, cosine similarity, change of basis;
  :mod:`.least_squares`: the line fit as a projection.

Figures (plotly; they draw the maths results, never recompute them):
:mod:`.figures_transform`, :mod:`.figures_eigen`, :mod:`.figures_vectors`, and the trace
pieces they share in :mod:`.traces`.

Words and formulas: :mod:`.text_transform`, :mod:`.text_eigen`, :mod:`.text_vectors` (and
:mod:`.text` for their shared LaTeX layout). URL state: :mod:`.params`.
"""

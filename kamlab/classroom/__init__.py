"""The class server: KAM Lab on JupyterHub (``kamlab classroom``).

One module per idea: :mod:`.names` (学号 → system user names), :mod:`.codes` (login
codes and their hashes), :mod:`.slips` (printable login slips), :mod:`.auth` (the
authenticator), :mod:`.hubconfig` (the generated ``jupyterhub_config.py``), :mod:`.home`
(a learner's home, ready before each start), :mod:`.startpage` (the 从这里开始 page),
:mod:`.handin` (the hand-in service), :mod:`.client` (handing in from the learner's
kernel), :mod:`.release` (releasing feedback from the desk), :mod:`.learner_env` (the
learners' Python environment), :mod:`.start` (the command). Importing this package
imports neither JupyterHub nor ipywidgets.
"""

"""Files shipped with mvi-xl: the documented configuration and the example register.

Installed as the package ``mvi_xl.templates`` (see setup.cfg), so they are found after a plain
``pip install .`` as well as in a source checkout.
"""

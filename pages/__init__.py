"""Dashboard pages (run by ``st.navigation`` in ``dashboard.py``) and their shared helpers."""

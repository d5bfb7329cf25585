"""Importing figures from the spreadsheets an office already has (``lkjip impor``).

``sheet`` reads the file, ``columns`` finds the header, ``amounts`` reads each
amount exactly, ``rows`` the data rows, ``match`` ties them to the budget tree,
``yamledit`` writes anggaran.yaml in place, ``anggaran`` runs them in order.
"""

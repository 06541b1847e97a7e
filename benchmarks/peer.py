"""The peer: the pandas script a colleague would write for the same job. Read the register,
count the actions per period and status, write the counts and the actions with XlsxWriter.

    python benchmarks/peer.py REGISTER SHEET OUTPUT [ENGINE]

ENGINE is pandas' reader: omitted for its default (openpyxl for .xlsx), or ``calamine``.
"""

import sys

import pandas as pd


def main(register: str, sheet: str, output: str, engine: str | None = None) -> None:
    actions = pd.read_excel(register, sheet_name=sheet, header=3, engine=engine)
    actions = actions.dropna(how="all")
    actions["Status"] = actions["Status"].astype("string").str.strip().str.lower()
    actions["Periode"] = actions["Periode"].astype("string").str.strip()
    counts = actions.groupby(["Periode", "Status"]).size().unstack(fill_value=0)
    with pd.ExcelWriter(output, engine="xlsxwriter") as writer:
        counts.to_excel(writer, sheet_name="Monitor")
        actions.to_excel(writer, sheet_name="Acties", index=False)


if __name__ == "__main__":
    main(*sys.argv[1:])

from extract.cli import run

run()

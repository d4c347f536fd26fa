from jarjestotyokirja.cli.main import main

main()

from jarjestotyokirja.cli import main

main()

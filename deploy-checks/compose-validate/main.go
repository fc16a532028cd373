// compose-validate loads a Compose file with compose-go, the reference implementation of the Compose
// Specification that `docker compose` itself is built on: schema validation, interpolation (from the
// given env file only, never from this process's environment), normalisation and consistency checks.
// On success it prints the normalised project as JSON on stdout; on any problem it prints the problem
// on stderr and exits 1. The deploy-checks tests run it where no Docker engine is available.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
)

func main() {
	composeFile := flag.String("file", "docker-compose.yml", "the Compose file to validate")
	envFile := flag.String("env-file", "", "the file whose variables are interpolated (required)")
	flag.Parse()
	if *envFile == "" {
		fail(fmt.Errorf("-env-file is required: interpolation never reads this process's environment"))
	}
	project, err := load(*composeFile, *envFile)
	if err != nil {
		fail(err)
	}
	normalised, err := project.MarshalJSON()
	if err != nil {
		fail(err)
	}
	fmt.Println(string(normalised))
}

func load(composeFile, envFile string) (*types.Project, error) {
	absoluteFile, err := filepath.Abs(composeFile)
	if err != nil {
		return nil, err
	}
	options, err := cli.NewProjectOptions(
		[]string{absoluteFile},
		// As `docker compose` does: paths relative to the file's folder, resolved to absolute ones.
		cli.WithWorkingDirectory(filepath.Dir(absoluteFile)),
		cli.WithEnvFiles(envFile),
		cli.WithDotEnv,
		cli.WithResolvedPaths(true),
		cli.WithConsistency(true),
	)
	if err != nil {
		return nil, err
	}
	return options.LoadProject(context.Background())
}

func fail(err error) {
	fmt.Fprintf(os.Stderr, "compose-validate: %v\n", err)
	os.Exit(1)
}

package anomaly_test

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// gateway is the real gateway for the suite: the built jar on a free port, authentication on, tokens minted by
// the jar's own token command.
type gateway struct {
	jar    string
	secret string
	folder string
	port   string
	cmd    *exec.Cmd
	mu     sync.Mutex
	tokens map[string]string
}

var server *gateway

// cleanups run after every test, e.g. removing the examples' binaries.
var cleanups []func()

func TestMain(m *testing.M) {
	jar := os.Getenv("ANOMALY_JAR")
	if jar == "" {
		jar, _ = filepath.Abs("../../launcher/target/anomaly-gateway.jar")
	}
	g, err := startGateway(jar)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	server = g
	code := m.Run()
	for _, cleanup := range cleanups {
		cleanup()
	}
	g.stop()
	os.Exit(code)
}

func startGateway(jar string) (*gateway, error) {
	secret := make([]byte, 32)
	_, _ = rand.Read(secret)
	folder, err := os.MkdirTemp("", "anomaly-gateway-go-")
	if err != nil {
		return nil, err
	}
	g := &gateway{jar: jar, secret: hex.EncodeToString(secret), folder: folder, tokens: map[string]string{}}
	g.cmd = exec.Command("java", "-Xmx512m", "-jar", jar, "--host", "127.0.0.1", "--port", "0")
	g.cmd.Dir, g.cmd.Env = folder, g.environment()
	output, err := g.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	g.cmd.Stderr = g.cmd.Stdout
	if err := g.cmd.Start(); err != nil {
		return nil, err
	}
	listening := regexp.MustCompile(`listening on http://127\.0\.0\.1:(\d+)`)
	lines := bufio.NewScanner(output)
	var seen []string
	deadline := time.Now().Add(90 * time.Second)
	for lines.Scan() && time.Now().Before(deadline) {
		seen = append(seen, lines.Text())
		if found := listening.FindStringSubmatch(lines.Text()); found != nil {
			g.port = found[1]
			break
		}
	}
	if g.port == "" {
		g.stop()
		return nil, fmt.Errorf("the gateway did not start:\n%s", strings.Join(seen, "\n"))
	}
	go func() {
		for lines.Scan() {
		}
	}()
	return g, nil
}

func (g *gateway) environment() []string {
	return append(os.Environ(), "ANOMALY_JWT_SECRET="+g.secret)
}

func (g *gateway) url() string { return "ws://127.0.0.1:" + g.port }

// token mints a token of the role for every session; long-lived ones are minted once.
func (g *gateway) token(t testing.TB, role, ttl string) string {
	g.mu.Lock()
	defer g.mu.Unlock()
	key := role + "/" + ttl
	if token, ok := g.tokens[key]; ok && strings.HasSuffix(ttl, "h") {
		return token
	}
	cmd := exec.Command("java", "-jar", g.jar, "token", "--role", role, "--sub", "go-tests", "--sessions", "*",
		"--ttl", ttl)
	cmd.Dir, cmd.Env = g.folder, g.environment()
	output, err := cmd.Output()
	if err != nil {
		t.Fatalf("minting a token: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(output)), "\n")
	g.tokens[key] = lines[len(lines)-1]
	return g.tokens[key]
}

func (g *gateway) stop() {
	if g.cmd != nil && g.cmd.Process != nil {
		_ = g.cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = g.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(60 * time.Second):
			_ = g.cmd.Process.Kill()
		}
	}
	_ = os.RemoveAll(g.folder)
}

// session is a session of the test's own, so that tests never see each other's samples.
func session(t testing.TB) string {
	id := make([]byte, 4)
	_, _ = rand.Read(id)
	name := regexp.MustCompile(`[^A-Za-z0-9]`).ReplaceAllString(t.Name(), "-")
	if len(name) > 40 {
		name = name[:40]
	}
	return "go-" + name + "-" + hex.EncodeToString(id)
}

package anomaly_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	anomaly "github.com/anomaly-gateway/gateway/sdk/go"
)

// The language-neutral scenarios of sdk/conformance/ (its README describes the format), played through the Go
// client; frames no client would send go over a plain WebSocket. The Java and Python suites play the same files
// and also validate every message against sdk/asyncapi.yaml (Go has no JSON Schema validator among the packages
// this project may use).
func TestConformanceScenarios(t *testing.T) {
	files, err := filepath.Glob("../conformance/scenarios/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scenarios: %v", err)
	}
	sort.Strings(files)
	for _, file := range files {
		file := file
		t.Run(strings.TrimSuffix(filepath.Base(file), ".json"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var scenario struct {
				Steps []map[string]any `json:"steps"`
			}
			if err := json.Unmarshal(data, &scenario); err != nil {
				t.Fatal(err)
			}
			p := &player{peers: map[string]*peer{}, prefix: "conf-" + randomHex(4) + "-"}
			defer p.close()
			for i, step := range scenario.Steps {
				if err := p.step(step); err != nil {
					encoded, _ := json.Marshal(step)
					if len(encoded) > 160 {
						encoded = encoded[:160]
					}
					t.Fatalf("step %d %s: %v", i, encoded, err)
				}
			}
		})
	}
}

const playerWait = 20 * time.Second

// peer is one named connection of a scenario and everything it received.
type peer struct {
	client        *anomaly.Client
	ws            *websocket.Conn
	mu            sync.Mutex
	changed       chan struct{}
	answers       []map[string]any
	events        []map[string]any
	subscriptions map[string]*anomaly.Subscription
	closeCode     int
}

func newPeer() *peer {
	return &peer{changed: make(chan struct{}), subscriptions: map[string]*anomaly.Subscription{}}
}

func (p *peer) observe(raw []byte) {
	var message map[string]any
	if json.Unmarshal(raw, &message) != nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	kind, _ := message["type"].(string)
	_, hasTopic := message["topic"]
	switch {
	case hasTopic && (kind == "anomaly" || kind == "alert" || kind == "stats" || kind == "drift"):
		p.events = append(p.events, message)
	case kind != "welcome":
		p.answers = append(p.answers, message)
	}
	close(p.changed)
	p.changed = make(chan struct{})
}

func (p *peer) readRaw() {
	for {
		_, data, err := p.ws.ReadMessage()
		if err != nil {
			var closed *websocket.CloseError
			p.mu.Lock()
			p.closeCode = -1
			if errors.As(err, &closed) {
				p.closeCode = closed.Code
			}
			close(p.changed)
			p.changed = make(chan struct{})
			p.mu.Unlock()
			return
		}
		p.observe(data)
	}
}

// until waits, on the messages' arrival rather than a clock, until the condition holds.
func (p *peer) until(condition func() bool) error {
	timeout := time.After(playerWait)
	for {
		p.mu.Lock()
		ok, changed := condition(), p.changed
		p.mu.Unlock()
		if ok {
			return nil
		}
		select {
		case <-changed:
		case <-timeout:
			return fmt.Errorf("not within %v", playerWait)
		}
	}
}

func (p *peer) answerCount() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.answers)
}

type player struct {
	peers  map[string]*peer
	prefix string
}

func (pl *player) step(step map[string]any) error {
	on, _ := step["on"].(string)
	expect, _ := step["expect"].(map[string]any)
	switch {
	case step["connect"] != nil:
		return pl.connect(step)
	case step["burst"] != nil:
		return pl.burst(pl.peers[on], step)
	case step["send"] != nil:
		return pl.repeat(pl.peers[on], step, expect)
	case step["send_text"] != nil || step["send_binary"] != nil:
		return pl.sendFrame(pl.peers[on], step, expect)
	case step["await_event"] != nil:
		return pl.awaitEvents(pl.peers[on], step, expect)
	case step["disconnect"] != nil:
		return pl.peers[step["disconnect"].(string)].client.Close()
	case step["expect_close"] != nil:
		target := pl.peers[step["expect_close"].(string)]
		if err := target.until(func() bool { return target.closeCode != 0 }); err != nil {
			return err
		}
		if want := int(step["code"].(float64)); target.closeCode != want {
			return fmt.Errorf("closed with %d, want %d", target.closeCode, want)
		}
		return nil
	}
	return fmt.Errorf("unknown step")
}

func (pl *player) connect(step map[string]any) error {
	label := step["session"].(string)
	id := label
	if regexp.MustCompile(`^\w+$`).MatchString(label) {
		id = pl.prefix + label
	}
	token := ""
	if role := step["role"].(string); role != "none" {
		token = server.token(&testing.T{}, role, "1h")
	}
	p := newPeer()
	pl.peers[step["connect"].(string)] = p
	if status, wanted := step["expect_status"]; wanted || step["raw"] == true {
		header := http.Header{}
		if token != "" {
			header.Set("Authorization", "Bearer "+token)
		}
		dialer := websocket.Dialer{HandshakeTimeout: playerWait}
		ws, response, err := dialer.Dial(server.url()+anomaly.EndpointPath+id, header)
		if wanted {
			if err == nil {
				ws.Close()
				return fmt.Errorf("the upgrade was accepted")
			}
			if response == nil || response.StatusCode != int(status.(float64)) {
				return fmt.Errorf("refused with %v, %v", response, err)
			}
			return nil
		}
		if err != nil {
			return err
		}
		p.ws = ws
		_, welcome, err := ws.ReadMessage()
		if err != nil {
			return err
		}
		go p.readRaw()
		return check(decode(welcome), expectOr(step, map[string]any{"type": "welcome"}))
	}
	ctx, cancel := context.WithTimeout(context.Background(), playerWait)
	defer cancel()
	client, err := anomaly.Connect(ctx, server.url(), id, anomaly.WithToken(token),
		anomaly.WithMessageObserver(p.observe), anomaly.WithReconnect(anomaly.Reconnect{MaxAttempts: 0}),
		anomaly.WithRequestTimeout(playerWait))
	if err != nil {
		return err
	}
	p.client = client
	return check(decode(client.Welcome()), expectOr(step, map[string]any{"type": "welcome"}))
}

func (pl *player) repeat(p *peer, step map[string]any, expect map[string]any) error {
	times := 1
	if n, ok := step["repeat"].(float64); ok {
		times = int(n)
	}
	until, _ := step["until"].(map[string]any)
	for i := 0; i < times; i++ {
		answer, err := pl.send(p, pl.expand(step["send"], i).(map[string]any))
		if err != nil {
			return err
		}
		if err := check(answer, expect); err != nil {
			return err
		}
		if until != nil && matches(answer, until) {
			return nil
		}
	}
	if until != nil {
		return fmt.Errorf("never %v in %d answers", until, times)
	}
	return nil
}

// send goes through the client's own call for the type, and returns the gateway's last answer to it.
func (pl *player) send(p *peer, message map[string]any) (map[string]any, error) {
	ctx := context.Background()
	if p.client == nil {
		seen := p.answerCount()
		id := "raw-" + randomHex(4)
		message["request_id"] = id
		frame, _ := json.Marshal(message)
		if err := p.ws.WriteMessage(websocket.TextMessage, frame); err != nil {
			return nil, err
		}
		var found map[string]any
		err := p.until(func() bool {
			for _, answer := range p.answers[seen:] {
				if answer["request_id"] == id {
					found = answer
				}
			}
			return found != nil
		})
		return found, err
	}
	config, _ := message["config"].(map[string]any)
	var err error
	switch message["type"] {
	case "subscribe":
		options := []anomaly.SubscribeOption{}
		if scope, ok := config["scope"].(string); ok {
			options = append(options, anomaly.WithScope(scope))
		}
		if since, ok := config["since"].(map[string]any); ok {
			options = append(options, anomaly.WithSince(anomaly.Position{Epoch: since["epoch"].(string),
				Offset: int64(since["offset"].(float64))}))
		}
		var subscription *anomaly.Subscription
		if subscription, err = p.client.Subscribe(ctx, config["topic"].(string), options...); err == nil {
			p.mu.Lock()
			p.subscriptions[subscription.Topic()] = subscription
			p.mu.Unlock()
		}
	case "unsubscribe":
		_, err = p.client.Unsubscribe(ctx, config["topic"].(string))
	default:
		var answer json.RawMessage
		if answer, err = p.client.Request(ctx, message); err == nil {
			return decode(answer), nil
		}
	}
	var refused *anomaly.ServerError
	if err != nil && !errors.As(err, &refused) {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for i := len(p.answers) - 1; i >= 0; i-- {
		if refused == nil || p.answers[i]["request_id"] == refused.RequestID {
			return p.answers[i], nil
		}
	}
	return nil, fmt.Errorf("no answer observed")
}

func (pl *player) burst(p *peer, step map[string]any) error {
	seen := p.answerCount()
	count := int(step["burst"].(float64))
	failures := make(chan error, count)
	var wg sync.WaitGroup
	for i := 0; i < count; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if _, err := pl.send(p, pl.expand(step["send"], i).(map[string]any)); err != nil {
				failures <- err
			}
		}(i)
	}
	wg.Wait()
	close(failures)
	for err := range failures {
		return err
	}
	p.mu.Lock()
	answers := append([]map[string]any(nil), p.answers[seen:]...)
	p.mu.Unlock()
	allowed := step["expect_each"].(map[string]any)["type_in"].([]any)
	var refused map[string]any
	for _, answer := range answers {
		if !contains(allowed, answer["type"]) {
			return fmt.Errorf("answer of type %v", answer["type"])
		}
		if refused == nil && answer["type"] == "error" {
			refused = answer
		}
	}
	if refused == nil {
		return fmt.Errorf("no request of the burst was refused")
	}
	return check(refused, step["expect_some"].(map[string]any))
}

func (pl *player) sendFrame(p *peer, step map[string]any, expect map[string]any) error {
	seen := p.answerCount()
	var err error
	if text, ok := step["send_text"].(string); ok {
		text = pl.expand(text, 0).(string)
		if size, ok := step["fragment"].(float64); ok {
			err = writeFragments(p.ws, text, int(size))
		} else {
			err = p.ws.WriteMessage(websocket.TextMessage, []byte(text))
		}
	} else {
		frame, _ := hex.DecodeString(step["send_binary"].(string))
		err = p.ws.WriteMessage(websocket.BinaryMessage, frame)
	}
	if err != nil && expect == nil {
		return err
	}
	if expect == nil {
		return nil
	}
	if err := p.until(func() bool { return len(p.answers) > seen }); err != nil {
		return err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return check(p.answers[seen], expect)
}

// writeFragments sends one text message in frames of size characters; the gateway may close before the end.
func writeFragments(ws *websocket.Conn, text string, size int) error {
	writer, err := ws.NextWriter(websocket.TextMessage)
	if err != nil {
		return err
	}
	for start := 0; start < len(text); start += size {
		end := start + size
		if end > len(text) {
			end = len(text)
		}
		if _, err := writer.Write([]byte(text[start:end])); err != nil {
			return nil
		}
	}
	_ = writer.Close()
	return nil
}

func (pl *player) awaitEvents(p *peer, step map[string]any, expect map[string]any) error {
	wanted := step["await_event"].(map[string]any)
	count := 1
	if n, ok := step["count"].(float64); ok {
		count = int(n)
	}
	var found []map[string]any
	err := p.until(func() bool {
		found = found[:0]
		for _, event := range p.events {
			if matches(event, wanted) {
				found = append(found, event)
			}
		}
		return len(found) >= count
	})
	if err != nil {
		return err
	}
	for _, event := range found[:count] {
		if err := check(event, expect); err != nil {
			return err
		}
	}
	return nil
}

// expand replaces the scenarios' placeholders: rows, texts, tokens and positions.
func (pl *player) expand(value any, index int) any {
	switch v := value.(type) {
	case map[string]any:
		copied := map[string]any{}
		for key, item := range v {
			copied[key] = pl.expand(item, index)
		}
		return copied
	case []any:
		copied := make([]any, len(v))
		for i, item := range v {
			copied[i] = pl.expand(item, index)
		}
		return copied
	case string:
		if !strings.HasPrefix(v, "$") {
			return v
		}
		parts := strings.Split(v[1:], ":")
		number := func(i int) int { n, _ := strconv.Atoi(parts[i]); return n }
		switch parts[0] {
		case "row":
			return scenarioRow(index, number(1))
		case "rows":
			table := make([][]float64, number(1))
			for i := range table {
				table[i] = scenarioRow(i, number(2))
			}
			return table
		case "text":
			return strings.Repeat("x", number(1))
		case "token":
			return server.token(&testing.T{}, parts[1], "1h")
		case "position":
			position := pl.peers[parts[1]].subscriptions[parts[2]].Position()
			return map[string]any{"epoch": position.Epoch, "offset": float64(position.Offset)}
		}
	}
	return value
}

// scenarioRow is the scenarios' deterministic row: integer arithmetic, so that every language makes the same one.
func scenarioRow(index, dims int) []float64 {
	row := make([]float64, dims)
	for k := range row {
		row[k] = float64(index*(k+1)*7919%1000) / 1000
	}
	return row
}

func (pl *player) close() {
	for _, p := range pl.peers {
		if p.client != nil {
			p.client.Close()
		}
		if p.ws != nil {
			p.ws.Close()
		}
	}
}

// check applies a scenario's expectations to one message.
func check(message map[string]any, expect map[string]any) error {
	if code, ok := expect["code"]; ok {
		failure, _ := message["error"].(map[string]any)
		if message["type"] != "error" || message["success"] != false || failure == nil || failure["code"] != code ||
			failure["message"] == "" {
			return fmt.Errorf("expected error %v, got %v", code, abbreviate(message))
		}
	}
	if kind, ok := expect["type"]; ok && message["type"] != kind {
		return fmt.Errorf("expected %v, got %v", kind, abbreviate(message))
	}
	if success, ok := expect["success"]; ok && message["success"] != success {
		return fmt.Errorf("success is %v", message["success"])
	}
	keys, _ := expect["keys"].([]any)
	for _, path := range keys {
		if _, found := lookup(message, path.(string)); !found {
			return fmt.Errorf("no %v in %v", path, abbreviate(message))
		}
	}
	values, _ := expect["values"].(map[string]any)
	for path, wanted := range values {
		if value, found := lookup(message, path); !found || !reflect.DeepEqual(value, wanted) {
			return fmt.Errorf("%s is %v, expected %v", path, value, wanted)
		}
	}
	return nil
}

func matches(message map[string]any, wanted map[string]any) bool {
	for path, value := range wanted {
		if found, ok := lookup(message, path); !ok || !reflect.DeepEqual(found, value) {
			return false
		}
	}
	return true
}

func lookup(node any, path string) (any, bool) {
	for _, part := range strings.Split(path, ".") {
		switch v := node.(type) {
		case map[string]any:
			next, ok := v[part]
			if !ok {
				return nil, false
			}
			node = next
		case []any:
			i, err := strconv.Atoi(part)
			if err != nil || i >= len(v) {
				return nil, false
			}
			node = v[i]
		default:
			return nil, false
		}
	}
	return node, true
}

func expectOr(step map[string]any, otherwise map[string]any) map[string]any {
	if expect, ok := step["expect"].(map[string]any); ok {
		return expect
	}
	return otherwise
}

func decode(raw []byte) map[string]any {
	var message map[string]any
	_ = json.Unmarshal(raw, &message)
	return message
}

func contains(values []any, value any) bool {
	for _, candidate := range values {
		if candidate == value {
			return true
		}
	}
	return false
}

func abbreviate(message map[string]any) string {
	encoded, _ := json.Marshal(message)
	if len(encoded) > 300 {
		encoded = encoded[:300]
	}
	return string(encoded)
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

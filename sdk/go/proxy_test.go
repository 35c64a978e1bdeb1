package anomaly_test

import (
	"io"
	"net"
	"sync"
)

// proxy forwards connections to the gateway; cut aborts the open ones, as a network failure would.
type proxy struct {
	listener net.Listener
	target   string
	mu       sync.Mutex
	links    map[net.Conn]bool
	held     bool
	cuts     int
}

func startProxy(target string) (*proxy, error) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	p := &proxy{listener: listener, target: target, links: map[net.Conn]bool{}}
	go p.accept()
	return p, nil
}

func (p *proxy) url() string { return "ws://" + p.listener.Addr().String() }

func (p *proxy) accept() {
	for {
		client, err := p.listener.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		held := p.held
		p.mu.Unlock()
		if held {
			_ = client.Close()
			continue
		}
		upstream, err := net.Dial("tcp", p.target)
		if err != nil {
			_ = client.Close()
			continue
		}
		p.mu.Lock()
		p.links[client], p.links[upstream] = true, true
		p.mu.Unlock()
		go p.pipe(client, upstream)
		go p.pipe(upstream, client)
	}
}

func (p *proxy) pipe(from, to net.Conn) {
	_, _ = io.Copy(to, from)
	_ = from.Close()
	_ = to.Close()
}

// cut aborts every open connection.
func (p *proxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.cuts++
	for link := range p.links {
		if tcp, ok := link.(*net.TCPConn); ok {
			_ = tcp.SetLinger(0)
		}
		_ = link.Close()
	}
	p.links = map[net.Conn]bool{}
}

// hold cuts the open connections and refuses new ones until release.
func (p *proxy) hold() {
	p.mu.Lock()
	p.held = true
	p.mu.Unlock()
	p.cut()
}

func (p *proxy) release() {
	p.mu.Lock()
	p.held = false
	p.mu.Unlock()
}

func (p *proxy) close() {
	_ = p.listener.Close()
	p.cut()
}

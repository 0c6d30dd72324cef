// Loads web/chat.js in Node with a minimal DOM, lets it render the conversation stored in
// sessionStorage (given as JSON on stdin), and prints the rendered tree as JSON.
// Used by tests/unit/test_web_card.py; no browser, no server.
"use strict";
const fs = require("fs");
const vm = require("vm");

class Node {
  constructor(tag) { this.tagName = tag; this.children = []; this.attributes = {}; this.parentNode = null;
    this._text = ""; this.className = ""; this.style = {}; this.classList = { add: (c) => { this.className += " " + c; } }; }
  appendChild(child) { child.parentNode = this; this.children.push(child); return child; }
  insertBefore(child) { return this.appendChild(child); }
  replaceChild(child, old) { const i = this.children.indexOf(old); this.children[i] = child; child.parentNode = this; }
  contains(node) { return node === this || this.children.some((c) => c.contains && c.contains(node)); }
  setAttribute(name, value) { this.attributes[name] = String(value); }
  getAttribute(name) { return name in this.attributes ? this.attributes[name] : null; }
  addEventListener() {}
  focus() {}
  get lastElementChild() { return this.children[this.children.length - 1] || null; }
  set textContent(value) { this.children = []; this._text = String(value); }
  get textContent() { return this._text + this.children.map((c) => c.textContent).join(""); }
  toJSON() {
    const out = { tag: this.tagName, text: this._text, children: this.children };
    for (const key of ["className", "href", "target", "rel", "title", "cite", "download"]) {
      if (this[key]) { out[key] = String(this[key]).trim(); }
    }
    if (this.style.width) { out.width = this.style.width; }
    return out;
  }
}
class TextNode { constructor(text) { this.textContent = text; } toJSON() { return { tag: "#text", text: this.textContent }; } }

const stored = JSON.parse(fs.readFileSync(0, "utf-8"));
const body = new Node("body");
const head = new Node("head");
const script = new Node("script");
script.src = "http://page.example/chat.js";
script.setAttribute("data-server", "http://rasa.example");
body.appendChild(script);
const storage = { "asf-chat:http://rasa.example": JSON.stringify(stored) };
const document = {
  currentScript: script, head, body,
  createElement: (tag) => new Node(tag),
  createTextNode: (text) => new TextNode(String(text)),
  getElementById: () => null,
  querySelector: () => null,
};
const window = { sessionStorage: { getItem: (k) => storage[k] || null, setItem: (k, v) => { storage[k] = v; } } };
window.window = window;
const blobs = { createObjectURL: () => "blob:test" };  // downloads are made from Blobs, which Node need not hold
vm.runInNewContext(fs.readFileSync(process.argv[2], "utf-8"), { window, document, URL: blobs, Blob: class {}, atob, Uint8Array });
process.stdout.write(JSON.stringify(body.children[1]));

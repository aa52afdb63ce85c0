/// `/static/marquee.css`: the dashboard's only stylesheet. High contrast (text ≥ 7:1 on its background), a
/// visible focus ring, and one column below 40rem.
enum Stylesheet {
    static let text = """
        :root { --ink: #111; --paper: #fff; --muted: #4a4a4a; --line: #8a8a8a; --accent: #0b4fa8; --ok: #0a5d24;
          --warn: #7a4a00; --bad: #a3120b; --soft: #f2f4f7; font-family: system-ui, sans-serif; line-height: 1.45; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: var(--paper); }
        a { color: var(--accent); }
        :focus-visible { outline: 3px solid #ffbf00; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; top: 0; background: var(--ink); color: var(--paper); padding: .5rem; }
        .skip:focus { left: .5rem; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
          white-space: nowrap; }
        .top { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .5rem 1rem;
          background: var(--ink); color: var(--paper); }
        .top a { color: var(--paper); }
        .top a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
        .brand { font-weight: 700; }
        nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; margin: 0; padding: 0; }
        .signout { margin-left: auto; display: flex; gap: .5rem; align-items: center; }
        main { padding: 1rem; max-width: 90rem; margin: 0 auto; }
        h1 { font-size: 1.5rem; margin: .25rem 0 1rem; }
        h2 { font-size: 1.2rem; margin-top: 1.5rem; }
        button, input, select, textarea { font: inherit; }
        input, select, textarea { border: 1px solid var(--line); border-radius: 4px; padding: .4rem; width: 100%;
          max-width: 40rem; background: var(--paper); color: var(--ink); }
        input[type="checkbox"], input[type="radio"] { width: auto; }
        button { background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: .45rem .9rem; cursor: pointer; }
        button.secondary { background: var(--soft); color: var(--ink); border: 1px solid var(--line); }
        .stack { display: grid; gap: .35rem; }
        .narrow { max-width: 24rem; }
        fieldset { border: 1px solid var(--line); border-radius: 4px; margin: 1rem 0; display: grid; gap: .35rem; }
        fieldset.choices { display: flex; flex-wrap: wrap; gap: .5rem 1rem; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
        dt { font-weight: 600; }
        dd { margin: 0; }
        .hint { color: var(--muted); font-size: .9rem; }
        .field-error { color: var(--bad); font-weight: 600; }
        .notice { padding: .6rem .8rem; border-radius: 4px; background: var(--soft); border-left: 4px solid var(--accent); }
        .notice.error { border-color: var(--bad); }
        .board { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(14rem, 1fr); gap: .75rem; overflow-x: auto;
          padding-bottom: .5rem; }
        .column { background: var(--soft); border-radius: 6px; padding: .5rem; min-height: 6rem; }
        .column h2 { font-size: 1rem; margin: 0 0 .5rem; }
        .cards { list-style: none; margin: 0; padding: 0; display: grid; gap: .5rem; }
        .card { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: .5rem; }
        .card a { font-weight: 600; }
        .badge { display: inline-block; font-size: .8rem; font-weight: 700; border-radius: 999px; padding: .05rem .55rem;
          border: 2px solid currentColor; }
        .sla-on_time { color: var(--ok); }
        .sla-due_soon { color: var(--warn); }
        .sla-breached { color: #fff; background: var(--bad); border-color: var(--bad); }
        .sla-none { color: var(--muted); }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; border-bottom: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top; }
        .table-wrap { overflow-x: auto; }
        .filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin-bottom: 1rem; }
        .filters label { display: grid; gap: .2rem; }
        .actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; }
        .actions form { display: grid; gap: .3rem; background: var(--soft); padding: .5rem; border-radius: 6px; }
        .month { table-layout: fixed; }
        .month td { height: 5.5rem; }
        .month .other { color: var(--muted); }
        .tail { font-family: ui-monospace, monospace; font-size: .85rem; max-height: 30rem; overflow-y: auto; }
        .count { display: inline-block; min-width: 1.4em; text-align: center; font-size: .8rem; font-weight: 700;
          border-radius: 999px; padding: 0 .35rem; background: #ffbf00; color: var(--ink); }
        .inbox { list-style: none; margin: 0 0 1rem; padding: 0; display: grid; gap: .75rem; max-width: 48rem; }
        .inbox-item { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; }
        .inbox-item.unread { border-left: 6px solid var(--accent); }
        .inbox-item h2 { font-size: 1rem; margin: 0; }
        .inbox-item p { margin: .25rem 0; }
        .inbox-body { white-space: pre-wrap; overflow-wrap: anywhere; }
        .chat { list-style: none; margin: 0 0 1rem; padding: 0; display: grid; gap: .75rem; max-width: 48rem; }
        .chat-turn { display: grid; gap: .35rem; }
        .chat-you, .chat-reply { border-radius: 6px; padding: .5rem .75rem; border: 1px solid var(--line); }
        .chat-you { background: var(--paper); margin-left: 2rem; }
        .chat-reply { background: var(--soft); margin-right: 2rem; }
        .chat-who { font-weight: 700; margin: 0; }
        .chat-text { white-space: pre-wrap; overflow-wrap: anywhere; margin: .2rem 0 0; }
        @media (max-width: 40rem) {
          .board { grid-auto-flow: row; grid-auto-columns: auto; }
          .column { min-height: 0; }
          .signout { margin-left: 0; }
          .month td { height: auto; font-size: .8rem; }
          dl { grid-template-columns: 1fr; }
          .chat-you { margin-left: 0; }
          .chat-reply { margin-right: 0; }
        }
        """
}

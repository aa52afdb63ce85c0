/// The shared layout: skip link, navigation, the signed-in user with the sign-out form, and the page.
enum LayoutTemplate {
    static let text = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="csrf-token" content="{{chrome.csrf}}">
        <title>{{chrome.title}} · Marquee</title>
        <link rel="stylesheet" href="/static/marquee.css">
        {{#chrome.live}}<script src="/static/live.js" defer></script>{{/chrome.live}}
        </head>
        <body{{#chrome.live}} data-live-feed="{{chrome.live}}"{{/chrome.live}}>
        <a class="skip" href="#main">Skip to content</a>
        <header class="top">
          <span class="brand">Marquee</span>
          {{#chrome.userID}}
          <nav aria-label="Sections"><ul>
          {{#chrome.nav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}{{#count}} <span class="count">{{count}}<span class="visually-hidden"> unread</span></span>{{/count}}</a></li>{{/chrome.nav}}
          </ul></nav>
          {{/chrome.userID}}
          {{#chrome.userID}}
          <form class="signout" method="post" action="/logout">
            <span class="who">{{chrome.userName}} <small>({{chrome.roles}})</small></span>
            <input type="hidden" name="_csrf" value="{{chrome.csrf}}">
            <button type="submit">Sign out</button>
          </form>
          {{/chrome.userID}}
        </header>
        <main id="main" tabindex="-1">
        {{{body}}}
        </main>
        </body>
        </html>
        """
}

/// The inbox: one item per notification, newest first, each with its campaign's link and, while unread, a button
/// that marks it read.
enum InboxTemplate {
    static let text = """
        <h1>Inbox</h1>
        <p class="hint" id="inbox-summary">{{unread}} unread. What the line needs from you and what happened to your campaigns, newest first.</p>
        {{^items}}<p class="hint">No notifications.</p>{{/items}}
        <ul class="inbox" aria-labelledby="inbox-summary">
        {{#items}}<li class="inbox-item{{#unread}} unread{{/unread}}" data-notification-id="{{id}}">
          <h2>{{#unread}}<span class="badge">new</span> {{/unread}}<a href="/campaigns/{{campaignID}}">{{title}}</a></h2>
          <p class="hint">{{kind}} · {{at}}</p>
          <p class="inbox-body">{{body}}</p>
          {{#unread}}<form method="post" action="/inbox/{{id}}/read">
            <input type="hidden" name="_csrf" value="{{csrf}}">
            <button type="submit" class="secondary">Mark read<span class="visually-hidden">: {{title}}</span></button>
          </form>{{/unread}}
        </li>{{/items}}
        </ul>
        {{#older}}<p><a href="/inbox?cursor={{older}}">Older notifications</a></p>{{/older}}
        """
}

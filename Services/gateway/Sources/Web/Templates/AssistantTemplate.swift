/// The chat page: the conversation, newest at the bottom (announced politely as it grows), then the message form.
enum AssistantTemplate {
    static let text = """
        <h1>Assistant</h1>
        <p class="hint">Ask where a campaign stands ("status of Spring Sale"), who approves it, or for a template or SOP
        ("find webinar checklist"), or describe a new request and answer its questions. The assistant acts as you, with
        your roles.</p>
        {{^configured}}<p class="notice error" role="alert">The assistant is not configured on this gateway.</p>{{/configured}}
        {{#problem}}<p class="notice error" role="alert">{{problem}}</p>{{/problem}}
        <section aria-label="Conversation">
          {{^turns}}<p id="chat-empty" class="hint">No messages yet.</p>{{/turns}}
          <ol id="chat-log" class="chat" aria-live="polite">
          {{#turns}}<li class="chat-turn"{{#latest}} id="latest" tabindex="-1"{{/latest}}>
            <div class="chat-you"><p class="chat-who">You <span class="hint">{{at}}</span></p><p class="chat-text">{{text}}</p></div>
            <div class="chat-reply"><p class="chat-who">Assistant</p><p class="chat-text">{{reply}}</p>{{#campaignID}}<p><a href="/campaigns/{{campaignID}}">Campaign {{campaignID}}</a></p>{{/campaignID}}</div>
          </li>{{/turns}}
          </ol>
        </section>
        <form id="chat-form" class="stack" method="post" action="/assistant">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          <label for="chat-text">Message</label>
          <textarea id="chat-text" name="text" rows="3" maxlength="{{maxLength}}" required aria-describedby="chat-hint">{{draft}}</textarea>
          <p id="chat-hint" class="hint">Up to {{maxLength}} characters.</p>
          <div><button type="submit">Send</button></div>
          <p id="chat-status" role="status"></p>
        </form>
        """
}

/// A work list ("my work", the approvals inbox): sections of campaign cards with what each waits for.
enum WorkTemplate {
    static let text = """
        <h1>{{heading}}</h1>
        <p class="hint">{{intro}}</p>
        <div id="work" data-live>
        {{#sections}}
        <section aria-labelledby="sec-{{role}}">
          <h2 id="sec-{{role}}">{{role}}</h2>
          {{^items}}<p class="hint">Nothing waits.</p>{{/items}}
          <ul class="cards">
          {{#items}}
            <li class="card" data-campaign-id="{{card.id}}"><a href="/campaigns/{{card.id}}">{{card.title}}</a>
              <span class="badge sla-{{card.sla}}" data-sla="{{card.sla}}">{{card.slaLabel}}</span>
              <div class="hint">{{card.stage}} · {{why}}</div></li>
          {{/items}}
          </ul>
        </section>
        {{/sections}}
        </div>
        """
}

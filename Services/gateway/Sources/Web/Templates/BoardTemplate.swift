/// The board: filters, then one column per stage with a card per campaign and its SLA badge.
enum BoardTemplate {
    static let text = """
        <h1>Campaign board</h1>
        <form class="filters" method="get" action="/">
          <label for="filter-type">Type
            <select id="filter-type" name="type"><option value="">any</option>
            {{#types}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/types}}
            </select></label>
          <label for="filter-requester">Requester
            <select id="filter-requester" name="requester"><option value="">anyone</option>
            {{#requesters}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/requesters}}
            </select></label>
          {{#onlyStage}}<input type="hidden" name="stage" value="{{onlyStage}}">{{/onlyStage}}
          <button type="submit" class="secondary">Filter</button>
        </form>
        {{#onlyStage}}<p><a href="/">Back to the whole board</a></p>{{/onlyStage}}
        <div id="board" class="board" data-live>
        {{#columns}}
          <section class="column" aria-labelledby="col-{{stage}}" data-stage="{{stage}}">
            <h2 id="col-{{stage}}">{{label}} <small>({{count}})</small></h2>
            <ul class="cards">
            {{#cards}}
              <li class="card" data-campaign-id="{{id}}">
                <a href="/campaigns/{{id}}">{{title}}</a>
                <div><span class="badge sla-{{sla}}" data-sla="{{sla}}">{{slaLabel}}</span> <small>{{type}}</small></div>
                <div class="hint">{{id}} · {{requester}}{{#specialist}} → {{specialist}}{{/specialist}}{{#launchDate}} · launch {{launchDate}}{{/launchDate}}</div>
              </li>
            {{/cards}}
            </ul>
            {{#more}}<p class="more"><a href="{{href}}">Show all {{label}} ({{hidden}} more)</a></p>{{/more}}
          </section>
        {{/columns}}
        </div>
        """
}

/// The QA checklist: the automated findings, then one pass/fail choice and comment per item.
enum QATemplate {
    static let text = """
        <h1>QA checklist — <a href="/campaigns/{{campaignID}}">{{campaignID}}</a></h1>
        {{#notice}}<p class="notice error" role="alert">{{notice}}</p>{{/notice}}
        <p>Stage {{stage}} · documents {{documents}} · built by {{builders}} · pre-filled outcome <strong>{{outcome}}</strong></p>
        <h2>Automated findings</h2>
        {{^hasReport}}<p class="hint">No automated report covers the current versions; every item starts as passed.</p>{{/hasReport}}
        <ul>{{#findings}}<li>{{severity}} · {{document}} · {{rule}}: {{message}}</li>{{/findings}}</ul>
        <form class="stack" method="post" action="/campaigns/{{campaignID}}/qa">
          <input type="hidden" name="_csrf" value="{{csrf}}">
          {{#items}}
          <fieldset><legend>{{title}}</legend>
            <label><input type="radio" name="result_{{item}}" value="pass"{{#pass}} checked{{/pass}}> Pass</label>
            <label><input type="radio" name="result_{{item}}" value="fail"{{^pass}} checked{{/pass}}> Fail</label>
            <label for="comment-{{item}}">Comment (required when it fails)</label>
            <textarea id="comment-{{item}}" name="comment_{{item}}" rows="2">{{comment}}</textarea>
          </fieldset>
          {{/items}}
          <button type="submit" data-command="record_qa">Record QA as me</button>
        </form>
        """
}

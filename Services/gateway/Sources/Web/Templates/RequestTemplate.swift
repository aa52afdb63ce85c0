/// The request form: the brief template's fields, the list of missing MVP items (kept current by live.js as
/// the requester types, and filled in by the server after a submit), and field errors next to their fields.
enum RequestTemplate {
    static let text = """
        <h1>{{#completing}}Complete the request of <a href="/campaigns/{{completing}}">{{completing}}</a>{{/completing}}{{^completing}}New campaign request{{/completing}}</h1>
        {{#notice}}<p class="notice error" role="alert">{{notice}}</p>{{/notice}}
        <section class="notice" aria-labelledby="mvp-status">
          <p id="mvp-status" role="status">{{#incomplete}}The request is not complete. Missing before the line can take it:{{/incomplete}}{{^submitted}}The list of what is missing updates as you type.{{/submitted}}</p>
          <ul id="mvp-missing">{{#missing}}<li data-field="{{field}}">{{label}}: {{detail}}</li>{{/missing}}</ul>
        </section>
        <form id="request-form" class="stack" method="post" action="/requests" novalidate>
          <input type="hidden" name="_csrf" value="{{csrf}}">
          {{#completing}}<input type="hidden" name="campaign" value="{{completing}}">{{/completing}}
          {{#lead}}{{> request-field}}{{/lead}}
          <label for="type">Type</label>
          <select id="type" name="type">{{#types}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/types}}</select>
          <label for="objective">Objective</label>
          <select id="objective" name="objective"{{#objectiveError}} aria-invalid="true" aria-describedby="objective-error"{{/objectiveError}}>
            <option value="">choose…</option>
            {{#objectives}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/objectives}}
          </select>
          {{#objectiveError}}<p id="objective-error" class="field-error">{{objectiveError}}</p>{{/objectiveError}}
          <fieldset><legend>Brief</legend>
          {{#brief}}{{> request-field}}{{/brief}}
          <fieldset class="choices"{{#channelsError}} aria-describedby="channels-error"{{/channelsError}}><legend>Channels</legend>
          {{#channels}}<label><input type="checkbox" name="channels" value="{{value}}"{{#selected}} checked{{/selected}}> {{label}}</label> {{/channels}}
          {{#channelsError}}<p id="channels-error" class="field-error">{{channelsError}}</p>{{/channelsError}}
          </fieldset>
          {{#more}}{{> request-field}}{{/more}}
          </fieldset>
          <label><input type="checkbox" name="allow_incomplete" value="true"> Submit anyway (intake holds an incomplete request)</label>
          <button type="submit">Submit request</button>
        </form>
        """

    /// One labelled field with its hint and error.
    static let field = """
        <label for="f-{{name}}">{{label}}</label>
        {{#multiline}}<textarea id="f-{{name}}" name="{{name}}" rows="3" aria-describedby="h-{{name}}{{#error}} e-{{name}}{{/error}}"{{#error}} aria-invalid="true"{{/error}}>{{value}}</textarea>{{/multiline}}
        {{^multiline}}<input id="f-{{name}}" name="{{name}}" value="{{value}}" aria-describedby="h-{{name}}{{#error}} e-{{name}}{{/error}}"{{#error}} aria-invalid="true"{{/error}}>{{/multiline}}
        <small id="h-{{name}}" class="hint">{{hint}}</small>
        {{#error}}<p id="e-{{name}}" class="field-error">{{error}}</p>{{/error}}
        """
}

/// The campaign page: summary, command forms, documents, approvals, history, refusals and QA reports.
enum CampaignTemplate {
    static let text = """
        <div id="campaign-live" data-live data-campaign="{{card.id}}">
        <h1>{{card.title}}</h1>
        {{#notice}}<p class="notice error" role="alert">{{notice}}</p>{{/notice}}
        <p><span class="badge sla-{{card.sla}}" data-sla="{{card.sla}}">{{card.slaLabel}}</span>
          <strong data-stage="{{card.stage}}">{{card.stage}}</strong> · {{card.type}} · {{card.id}}
          {{#slaDue}} · due {{slaDue}}{{/slaDue}}</p>
        <dl>
          <dt>Requester</dt><dd>{{card.requester}}</dd>
          {{#card.specialist}}<dt>Specialist</dt><dd>{{card.specialist}}</dd>{{/card.specialist}}
          {{#objective}}<dt>Objective</dt><dd>{{objective}}</dd>{{/objective}}
          {{#goal}}<dt>Goal</dt><dd>{{goal}}</dd>{{/goal}}
          {{#audience}}<dt>Audience</dt><dd>{{audience}}</dd>{{/audience}}
          {{#keyMessage}}<dt>Key message</dt><dd>{{keyMessage}}</dd>{{/keyMessage}}
          <dt>Channels</dt><dd>{{channels}}</dd>
          {{#card.launchDate}}<dt>Launch date</dt><dd>{{card.launchDate}}</dd>{{/card.launchDate}}
        </dl>
        <h2>What you can do</h2>
        {{#actions}}
        <div class="actions">
          {{#buttons}}
          <form method="post" action="/campaigns/{{campaignID}}/commands">
            <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="type" value="{{type}}">
            <button type="submit" data-command="{{type}}">{{label}}</button>
          </form>
          {{/buttons}}
          {{#assign}}
          <form method="post" action="/campaigns/{{campaignID}}/commands">
            <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="type" value="assign">
            <label for="assign-specialist">Specialist</label>
            <select id="assign-specialist" name="specialist">{{#specialists}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/specialists}}</select>
            <button type="submit" data-command="assign">Assign</button>
          </form>
          {{/assign}}
          {{#resubmit}}<p><a href="/requests/new?campaign={{campaignID}}" data-command="resubmit">Complete and resubmit the request</a></p>{{/resubmit}}
          {{#qaChecklist}}<p><a href="/campaigns/{{campaignID}}/qa" data-command="record_qa">Open the QA checklist</a></p>{{/qaChecklist}}
          {{#decide}}
          <form method="post" action="/campaigns/{{campaignID}}/commands">
            <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="type" value="decide_approval">
            <input type="hidden" name="step" value="{{step}}">
            <fieldset><legend>Approval step {{step}} ({{role}})</legend>
            <label><input type="radio" name="verdict" value="approved" checked> Approve</label>
            <label><input type="radio" name="verdict" value="rejected"> Reject</label>
            <label for="comments-{{step}}">Comments</label>
            <textarea id="comments-{{step}}" name="comments" rows="2"></textarea>
            </fieldset>
            <button type="submit" data-command="decide_approval" data-step="{{step}}">Decide {{step}}</button>
          </form>
          {{/decide}}
          {{#requestEdits}}
          <form method="post" action="/campaigns/{{campaignID}}/commands">
            <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="type" value="request_edits">
            <label for="edit-comments">Edits wanted</label>
            <textarea id="edit-comments" name="comments" rows="2"></textarea>
            <button type="submit" data-command="request_edits">Request edits</button>
          </form>
          {{/requestEdits}}
          {{#schedule}}
          <form method="post" action="/campaigns/{{campaignID}}/commands">
            <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="type" value="schedule">
            <label for="go-live">Go live at (RFC 3339)</label>
            <input id="go-live" name="go_live_at" placeholder="2026-12-08T09:00:00Z">
            <button type="submit" data-command="schedule">Schedule</button>
          </form>
          {{/schedule}}
          {{#cancel}}
          <form method="post" action="/campaigns/{{campaignID}}/commands">
            <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="type" value="cancel">
            <label for="cancel-reason">Reason to cancel</label>
            <input id="cancel-reason" name="reason">
            <button type="submit" class="secondary" data-command="cancel">Cancel campaign</button>
          </form>
          {{/cancel}}
        </div>
        {{#isEmpty}}<p class="hint">Nothing for your roles in this stage.</p>{{/isEmpty}}
        {{/actions}}
        <h2>Documents</h2>
        {{^documents}}<p class="hint">No documents yet.</p>{{/documents}}
        <div class="table-wrap"><table id="documents">
          <thead><tr><th scope="col">Document</th><th scope="col">Version</th><th scope="col">Content</th><th scope="col">State</th></tr></thead>
          <tbody>{{#documents}}<tr><td>{{id}}</td><td>v{{version}}</td><td><code>{{hash}}</code></td><td>{{#current}}current{{/current}}{{^current}}superseded{{/current}}{{#approved}}, approved{{/approved}}</td></tr>{{/documents}}</tbody>
        </table></div>
        <h2>Approvals</h2>
        {{^approvals}}<p class="hint">Approvals have not started.</p>{{/approvals}}
        <div class="table-wrap"><table>{{#approvals}}<tr><td>{{id}}</td><td>{{role}}</td><td>phase {{phase}}</td><td>{{#signedBy}}signed by {{signedBy}} at {{signedAt}}{{/signedBy}}{{^signedBy}}{{#opened}}open since {{opened}}{{/opened}}{{^opened}}waiting{{/opened}}{{/signedBy}}</td></tr>{{/approvals}}</table></div>
        <h2>Open deadlines</h2>
        {{^deadlines}}<p class="hint">No SLA clock runs.</p>{{/deadlines}}
        <ul>{{#deadlines}}<li>{{step}} ({{owner}}) due {{due}}</li>{{/deadlines}}</ul>
        <h2>History</h2>
        <div class="table-wrap"><table id="history">
          <thead><tr><th scope="col">v</th><th scope="col">Fact</th><th scope="col">Stage after</th><th scope="col">At</th><th scope="col">Detail</th></tr></thead>
          <tbody>{{#history}}<tr><td>{{version}}</td><td>{{type}}</td><td>{{stage}}</td><td>{{at}}</td><td><code>{{detail}}</code></td></tr>{{/history}}</tbody>
        </table></div>
        <h2>Refused commands</h2>
        {{^refusals}}<p class="hint">None.</p>{{/refusals}}
        <ul>{{#refusals}}<li><strong>{{command}}</strong> ({{code}}): {{message}}</li>{{/refusals}}</ul>
        <h2>Automated QA reports</h2>
        {{^reports}}<p class="hint">None yet.</p>{{/reports}}
        {{#reports}}<section><p>Verdict <strong>{{verdict}}</strong>, {{errors}} error(s)</p>
        <ul>{{#findings}}<li>{{severity}} · {{document}} · {{rule}}: {{message}}</li>{{/findings}}</ul></section>{{/reports}}
        </div>
        """
}

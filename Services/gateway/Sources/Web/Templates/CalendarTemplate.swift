/// The month grid of launch dates.
enum CalendarTemplate {
    static let text = """
        <h1>Launch calendar {{month}}</h1>
        <p><a href="/calendar?month={{previous}}" rel="prev">← {{previous}}</a> · <a href="/calendar?month={{next}}" rel="next">{{next}} →</a>
          · <a href="/calendar.ics">Subscribe (iCalendar)</a></p>
        <div id="calendar" class="table-wrap" data-live>
        <table class="month">
          <caption class="hint">Campaigns by launch date</caption>
          <thead><tr><th scope="col">Mon</th><th scope="col">Tue</th><th scope="col">Wed</th><th scope="col">Thu</th><th scope="col">Fri</th><th scope="col">Sat</th><th scope="col">Sun</th></tr></thead>
          <tbody>
          {{#weeks}}<tr>{{#cells}}<td class="{{^inMonth}}other{{/inMonth}}"{{#today}} aria-current="date"{{/today}} data-day="{{iso}}"><div>{{day}}</div>
            {{#launches}}<div><a href="/campaigns/{{id}}">{{title}}</a> <small>{{stage}}</small></div>{{/launches}}</td>{{/cells}}</tr>{{/weeks}}
          </tbody>
        </table>
        </div>
        """
}

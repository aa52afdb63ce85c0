/// The ops page: lag per reader, then the live tail.
enum OpsTemplate {
    static let text = """
        <h1>Ops</h1>
        {{#problem}}<p class="notice error" role="alert">{{problem}}</p>{{/problem}}
        <h2>Lag</h2>
        <p>Bus head seq <strong id="head-seq">{{head}}</strong></p>
        <div class="table-wrap"><table id="lag">
          <thead><tr><th scope="col">Reader</th><th scope="col">Kind</th><th scope="col">At seq</th><th scope="col">Behind</th><th scope="col">Detail</th></tr></thead>
          <tbody>{{#readers}}<tr><td>{{name}}</td><td>{{kind}}</td><td>{{position}}</td><td>{{behind}}</td><td>{{detail}}</td></tr>{{/readers}}</tbody>
        </table></div>
        <h2>Live messages</h2>
        <p class="hint">Every record published from the time the gateway started, newest first (the last 200).</p>
        <ol id="tail-lines" class="tail" aria-live="off">{{#lines}}<li>{{.}}</li>{{/lines}}</ol>
        """
}

import { render } from "preact"; render(<p>Backstory options</p>, document.getElementById("app")!);

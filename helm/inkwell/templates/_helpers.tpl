{{/*
Chart name, overridable with nameOverride; trimmed to the 63 characters a label value allows.
*/}}
{{- define "inkwell.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full resource name: fullnameOverride, else <release>-<name>, or just the release name when it
already contains the chart name.
*/}}
{{- define "inkwell.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
<chart>-<version>, the value of the helm.sh/chart label.
*/}}
{{- define "inkwell.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels every object carries.
*/}}
{{- define "inkwell.labels" -}}
helm.sh/chart: {{ include "inkwell.chart" . }}
{{ include "inkwell.selectorLabels" . }}
app.kubernetes.io/version: {{ include "inkwell.imageTag" . | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: inkwell
{{- end }}

{{/*
Labels that select the pods; stable across upgrades.
*/}}
{{- define "inkwell.selectorLabels" -}}
app.kubernetes.io/name: {{ include "inkwell.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
ServiceAccount the pods run as.
*/}}
{{- define "inkwell.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "inkwell.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The version the labels show: the image tag when given, else the chart's appVersion.
*/}}
{{- define "inkwell.imageTag" -}}
{{- default .Chart.AppVersion .Values.image.tag }}
{{- end }}

{{/*
The image: an explicit tag as given; else the appVersion, with "-native" for the native flavor
(the tags the release workflow publishes).
*/}}

{{- define "inkwell.image" -}}
{{- $suffix := eq .Values.image.flavor "native" | ternary "-native" "" }}
{{- printf "%s:%s" .Values.image.repository (default (printf "%s%s" .Chart.AppVersion $suffix) .Values.image.tag) }}
{{- end }}

{{/*
The secret-capable settings: environment variable, values entry, key in the chart's own Secret.
*/}}
{{- define "inkwell.secretSettings" -}}
- env: QUARKUS_DATASOURCE_JDBC_URL
  path: database.url
  key: jdbc-url
- env: QUARKUS_DATASOURCE_USERNAME
  path: database.username
  key: username
- env: QUARKUS_DATASOURCE_PASSWORD
  path: database.password
  key: password
- env: QUARKUS_REDIS_HOSTS
  path: redis.hosts
  key: redis-hosts
- env: MP_JWT_VERIFY_PUBLICKEY
  path: jwt.publicKey
  key: jwt-public-key
- env: SMALLRYE_JWT_SIGN_KEY
  path: jwt.privateKey
  key: jwt-private-key
- env: QUARKUS_MAILER_USERNAME
  path: mail.username
  key: smtp-username
  optional: true
- env: QUARKUS_MAILER_PASSWORD
  path: mail.password
  key: smtp-password
  optional: true
{{- end }}

{{/*
Looks up a values entry by dotted path ("database.url"). Returns it as YAML.
*/}}
{{- define "inkwell.settingAt" -}}
{{- $node := .root.Values }}
{{- range (splitList "." .path) }}
{{- $node = get $node . }}
{{- end }}
{{- toYaml $node }}
{{- end }}

{{/*
Inline secret values given by the user, as a dict of <key in the chart's Secret> -> value.
Fails when a setting has both an inline value and an existingSecret.
*/}}
{{- define "inkwell.inlineSecrets" -}}
{{- $root := . }}
{{- $out := dict }}
{{- range (include "inkwell.secretSettings" . | fromYamlArray) }}
{{- $s := include "inkwell.settingAt" (dict "root" $root "path" .path) | fromYaml }}
{{- if and $s.value $s.existingSecret.name }}
{{- fail (printf "%s: set either value or existingSecret.name, not both" .path) }}
{{- end }}
{{- if $s.value }}
{{- $_ := set $out .key $s.value }}
{{- end }}
{{- end }}
{{- toYaml $out }}
{{- end }}

{{/*
env entries for the secret-capable settings, all through secretKeyRef: to the chart's Secret for
inline values, to the user's Secret for existingSecret. Settings given neither way are left out
(NOTES.txt warns about them).
*/}}
{{- define "inkwell.secretEnv" -}}
{{- $root := . }}
{{- range (include "inkwell.secretSettings" . | fromYamlArray) }}
{{- $s := include "inkwell.settingAt" (dict "root" $root "path" .path) | fromYaml }}
{{- if $s.value }}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ include "inkwell.fullname" $root }}
      key: {{ .key }}
{{- else if $s.existingSecret.name }}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ $s.existingSecret.name }}
      key: {{ required (printf "%s.existingSecret.key is required" .path) $s.existingSecret.key }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Settings given neither inline nor through an existing Secret, one values path per line.
*/}}
{{- define "inkwell.missingSettings" -}}
{{- $root := . }}
{{- range (include "inkwell.secretSettings" . | fromYamlArray) }}
{{- $s := include "inkwell.settingAt" (dict "root" $root "path" .path) | fromYaml }}
{{- if not (or $s.value $s.existingSecret.name .optional) }}
{{ .path }}
{{- end }}
{{- end }}
{{- if not .Values.mail.host }}
mail.host
{{- end }}
{{- if not .Values.mail.from }}
mail.from
{{- end }}
{{- end }}

{{/*
terminationGracePeriodSeconds: the override if given (checked to exceed preStop + shutdown),
else derived from them plus a margin.
*/}}
{{- define "inkwell.terminationGracePeriodSeconds" -}}
{{- $needed := add .Values.preStop.sleepSeconds .Values.shutdown.delaySeconds .Values.shutdown.timeoutSeconds }}
{{- if kindIs "invalid" .Values.terminationGracePeriodSeconds }}
{{- add $needed .Values.shutdown.graceMarginSeconds }}
{{- else if le (int .Values.terminationGracePeriodSeconds) (int $needed) }}
{{- fail (printf "terminationGracePeriodSeconds (%v) must exceed preStop.sleepSeconds + shutdown.delaySeconds + shutdown.timeoutSeconds (%v)" .Values.terminationGracePeriodSeconds $needed) }}
{{- else }}
{{- .Values.terminationGracePeriodSeconds }}
{{- end }}
{{- end }}

{{/*
The application container, shared by the Deployment and the Knative Service.
Plain mode: the API on port http (8080), health and metrics on port management (9000), where the
probes go. Knative allows one port and probes only on it, so there the probes check that the
API port accepts connections (it opens once start-up and migrations are done); Knative needs the
port named http1 and port-less probes, and handles draining itself (no preStop).
*/}}
{{- define "inkwell.container" -}}
{{- $knative := .Values.knative.enabled -}}
- name: {{ .Chart.Name }}
  image: {{ include "inkwell.image" . | quote }}
  imagePullPolicy: {{ .Values.image.pullPolicy }}
  {{- if and (eq .Values.image.flavor "native") .Values.native.args }}
  # A native executable reads no JAVA_OPTS: its heap options go on the command line.
  args:
    {{- toYaml .Values.native.args | nindent 4 }}
  {{- end }}
  ports:
    - name: {{ $knative | ternary "http1" "http" }}
      containerPort: 8080
      protocol: TCP
    {{- if not $knative }}
    - name: management
      containerPort: 9000
      protocol: TCP
    {{- end }}
  envFrom:
    - configMapRef:
        name: {{ include "inkwell.fullname" . }}
  {{- $secretEnv := include "inkwell.secretEnv" . | trim }}
  {{- if or $secretEnv .Values.extraEnv }}
  env:
    {{- with $secretEnv }}
    {{- . | nindent 4 }}
    {{- end }}
    {{- with .Values.extraEnv }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- end }}
  {{- if or (not $knative) .Values.knative.startupProbe }}
  startupProbe:
    {{- include "inkwell.probeAction" (dict "knative" $knative "path" "/q/health/started") | nindent 4 }}
    {{- toYaml .Values.startupProbe | nindent 4 }}
  {{- end }}
  livenessProbe:
    {{- include "inkwell.probeAction" (dict "knative" $knative "path" "/q/health/live") | nindent 4 }}
    {{- toYaml .Values.livenessProbe | nindent 4 }}
  readinessProbe:
    {{- include "inkwell.probeAction" (dict "knative" $knative "path" "/q/health/ready") | nindent 4 }}
    {{- toYaml .Values.readinessProbe | nindent 4 }}
  {{- if not $knative }}
  lifecycle:
    preStop:
      {{- if .Values.preStop.useSleepAction }}
      sleep:
        seconds: {{ .Values.preStop.sleepSeconds }}
      {{- else }}
      exec:
        command: ["sleep", "{{ .Values.preStop.sleepSeconds }}"]
      {{- end }}
  {{- end }}
  securityContext:
    {{- toYaml .Values.securityContext | nindent 4 }}
  resources:
    {{- toYaml .Values.resources | nindent 4 }}
  volumeMounts:
    - name: tmp
      mountPath: /tmp
{{- end }}

{{/*
A probe's action: a health endpoint on the management port, or in Knative mode (one port, probes on
it only) a port-less TCP check of the API port.
*/}}
{{- define "inkwell.probeAction" -}}
{{- if .knative -}}
tcpSocket: {}
{{- else -}}
httpGet:
  path: {{ .path }}
  port: management
{{- end }}
{{- end }}

{{/*
Pod volumes: /tmp is the only writable path.
*/}}
{{- define "inkwell.volumes" -}}
- name: tmp
  emptyDir:
    {{- with .Values.tmpSizeLimit }}
    sizeLimit: {{ . }}
    {{- end }}
{{- end }}

{{/*
Labels selecting the application pods (Service, PDB, NetworkPolicy, spread constraints). The
component label keeps the `helm test` pod, which shares the other labels, out of the Service.
*/}}
{{- define "inkwell.podSelectorLabels" -}}
{{ include "inkwell.selectorLabels" . }}
app.kubernetes.io/component: api
{{- end }}

{{/*
Environment of the schema-migration Job: the database settings only, Flyway on, exit when done. The
Job is a pre-install/pre-upgrade hook that runs before the chart's own Secret exists, so the database
settings must come from existing Secrets.
*/}}
{{- define "inkwell.migrationEnv" -}}
{{- $root := . }}
- name: QUARKUS_INIT_AND_EXIT
  value: "true"
- name: QUARKUS_FLYWAY_MIGRATE_AT_START
  value: "true"
- name: QUARKUS_SHUTDOWN_DELAY
  value: "0s"
{{- range (include "inkwell.secretSettings" . | fromYamlArray) }}
{{- if hasPrefix "database." .path }}
{{- $s := include "inkwell.settingAt" (dict "root" $root "path" .path) | fromYaml }}
{{- if $s.value }}
{{- fail (printf "migrations.mode=job: give %s through existingSecret (the migration hook runs before the chart's own Secret exists)" .path) }}
{{- end }}
{{- if $s.existingSecret.name }}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ $s.existingSecret.name }}
      key: {{ required (printf "%s.existingSecret.key is required" .path) $s.existingSecret.key }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}

# Pastes the combined fix for Rails (ARGV[0], config/initializers/session_store.rb) into a real
# Rails app, sets a session over https through Rack, and prints the response's headers as JSON.
# The app follows the block's instructions: config.force_ssl, and Cache-Control in a before_action.
require "json"
require "logger"
require "action_controller/railtie"
# What the active_support railtie loads before config/initializers run (1.hour in the block).
require "active_support/all"

class HarnessApp < Rails::Application
  config.secret_key_base = "combined-fix-harness-" + "x" * 64
  config.eager_load = false
  config.logger = Logger.new(nil)
  config.hosts.clear
  config.force_ssl = true
end
eval(File.read(ARGV[0]))
HarnessApp.initialize!
HarnessApp.routes.draw { get "/" => "login#create" }

class LoginController < ActionController::Base
  before_action { response.headers["Cache-Control"] = "no-store" }
  def create
    session[:user] = "demo"
    render plain: "ok"
  end
end

status, headers, _body = HarnessApp.call(Rack::MockRequest.env_for("https://app.example.com/"))
pairs = headers.flat_map { |name, value| value.to_s.split("\n").map { |line| [name, line] } }
puts JSON.generate({ producer: "Rails #{Rails.version}", status: status, headers: pairs })
